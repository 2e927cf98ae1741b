// libFuzzer target: Zeek JSON-lines logs.
// What runs on each input lives in fuzzentry.cpp, shared with tst_fuzzregressions.
#include "fuzzentry.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    vigil::fuzz::run(vigil::fuzz::Target::ZeekJson, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
