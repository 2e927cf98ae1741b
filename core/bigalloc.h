#pragma once

// An allocator for the large column vectors of a Table.

#include <cstddef>
#include <cstdint>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace vigil {

/// std::allocator for vectors that may hold millions of numbers. Blocks of at least
/// kThreshold bytes get their own 2 MiB-aligned anonymous mapping advised for transparent huge
/// pages; blocks of kPopulate bytes up to kThreshold get their own mapping, populated when it
/// is made (MAP_POPULATE: the kernel fills in every page in one call instead of one fault per
/// 4 KiB page on first touch — a column of 100k numbers is ~200 faults otherwise); smaller ones
/// come from operator new.
///
/// Why: filling a freshly read table is dominated by first-touch page faults. On the dev VM
/// touching new memory costs ~3.6 ms per MB with 4 KiB pages and ~0.1 ms per MB with huge
/// pages, and a malloc'd block can never get huge pages because malloc's own headers touch a
/// page in every 2 MiB region before the block could be advised. The cost is at most one
/// partly used huge page per column. Stateless: any instance frees any block.
template<typename T>
class BigAllocator
{
public:
    using value_type = T;
    static constexpr std::size_t kThreshold = std::size_t(1) << 20;
    static constexpr std::size_t kHuge = std::size_t(2) << 20;
    static constexpr std::size_t kPopulate = std::size_t(64) << 10;
    static constexpr std::size_t kPage = std::size_t(4) << 10;

    BigAllocator() noexcept = default;
    template<typename U>
    BigAllocator(const BigAllocator<U> &) noexcept
    {
    }

    T *allocate(std::size_t n)
    {
        if (n > std::size_t(-1) / sizeof(T))
            throw std::bad_array_new_length();
        const std::size_t bytes = n * sizeof(T);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        if (bytes >= kThreshold) {
            const std::size_t size = roundUp(bytes);
            // Map one huge page more than needed and cut the ends so the block is aligned.
            void *p = ::mmap(nullptr, size + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p == MAP_FAILED)
                throw std::bad_alloc();
            const auto raw = reinterpret_cast<std::uintptr_t>(p);
            const auto aligned = (raw + kHuge - 1) & ~(std::uintptr_t(kHuge) - 1);
            if (aligned > raw)
                ::munmap(p, aligned - raw);
            if (const auto tail = raw + size + kHuge - (aligned + size); tail > 0)
                ::munmap(reinterpret_cast<void *>(aligned + size), tail);
            ::madvise(reinterpret_cast<void *>(aligned), size, MADV_HUGEPAGE); // advisory
            return reinterpret_cast<T *>(aligned);
        }
        if (bytes >= kPopulate) {
            void *p = ::mmap(nullptr, roundUpPage(bytes), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
            if (p == MAP_FAILED)
                throw std::bad_alloc();
            return static_cast<T *>(p);
        }
#endif
        return static_cast<T *>(::operator new(bytes));
    }

    void deallocate(T *p, std::size_t n) noexcept
    {
        const std::size_t bytes = n * sizeof(T);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        if (bytes >= kThreshold) {
            ::munmap(p, roundUp(bytes));
            return;
        }
        if (bytes >= kPopulate) {
            ::munmap(p, roundUpPage(bytes));
            return;
        }
#endif
        ::operator delete(p);
    }

    template<typename U>
    bool operator==(const BigAllocator<U> &) const noexcept
    {
        return true;
    }

private:
    static std::size_t roundUp(std::size_t bytes) { return (bytes + kHuge - 1) & ~(kHuge - 1); }
    static std::size_t roundUpPage(std::size_t bytes) { return (bytes + kPage - 1) & ~(kPage - 1); }
};

} // namespace vigil
