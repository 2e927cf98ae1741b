# One INTERFACE target carries the whole compiler and Qt policy; every Vigil target links it.
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

set(CMAKE_RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)

option(VIGIL_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
option(VIGIL_SANITIZE "Build with AddressSanitizer + UBSan" OFF)
option(VIGIL_FUZZ "Build only vigil_core, the model-bundle format and the libFuzzer targets (clang)" OFF)

add_library(vigil_config INTERFACE)
add_library(Vigil::config ALIAS vigil_config)
target_compile_features(vigil_config INTERFACE cxx_std_20)
target_compile_definitions(vigil_config INTERFACE
    QT_NO_KEYWORDS                       # LibTorch uses `slots`/`signals`; write Q_SLOTS/Q_SIGNALS/Q_EMIT
    QT_NO_CAST_FROM_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    VIGIL_VERSION="${PROJECT_VERSION}")
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(vigil_config INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter
        $<$<BOOL:${VIGIL_WARNINGS_AS_ERRORS}>:-Werror>)
    # Debian's LibTorch pulls Qt 5 into the process (libtorch → OpenCV highgui → Qt5Widgets).
    # Unoptimised, our executables emit and export out-of-line copies of Qt 6 inline functions
    # (QByteArray::append(const char *), …) whose mangled names equal Qt 5's exported ones, and
    # Qt 5's own initialisers then bind to the Qt 6 copies and crash before main(). Optimised
    # builds inline them; Debug and sanitizer builds keep inline functions out of the dynamic
    # symbol table instead.
    target_compile_options(vigil_config INTERFACE
        $<$<OR:$<CONFIG:Debug>,$<BOOL:${VIGIL_SANITIZE}>>:-fvisibility-inlines-hidden>)
    if(VIGIL_SANITIZE)
        target_compile_options(vigil_config INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(vigil_config INTERFACE -fsanitize=address,undefined)
    endif()
    if(VIGIL_FUZZ)
        if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
            message(FATAL_ERROR "VIGIL_FUZZ needs clang (libFuzzer); use the \"fuzz\" preset.")
        endif()
        # Libraries get coverage hooks without libFuzzer's main; the fuzz targets add -fsanitize=fuzzer.
        # UBSan findings abort so that libFuzzer keeps them as crashers instead of printing and going on.
        target_compile_options(vigil_config INTERFACE -fsanitize=fuzzer-no-link,address,undefined
            -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
        target_link_options(vigil_config INTERFACE -fsanitize=address,undefined)
    endif()
endif()
