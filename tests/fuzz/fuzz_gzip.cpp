// libFuzzer target: LineSource over gzip (real .gz input; plain text against its own gzip; bounded inflation).
// What runs on each input lives in fuzzentry.cpp, shared with tst_fuzzregressions.
#include "fuzzentry.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    vigil::fuzz::run(vigil::fuzz::Target::Gzip, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
