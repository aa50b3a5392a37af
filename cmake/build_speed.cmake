# Build speed (docs/performance.md, "Build time"): unity builds. The sources of each target are
# compiled in batches of CYB_UNITY_BATCH_SIZE files, one compiler run per batch, so that the
# headers of nlohmann-json, GoogleTest, spdlog, SOCI, yaml-cpp and the standard library are parsed,
# and their templates instantiated and optimised, once per batch instead of once per file: a clean
# build takes 38 % of the time it took file by file. Precompiled headers were measured too and cost
# more than they saved on top of the batches (docs/performance.md).
#
# A batch is one translation unit: two files of a target must not define the same name in an
# anonymous namespace (give helpers names that say what they are, or share one in a header), and a
# `using namespace` at file scope reaches the files after it in the batch. -DCYB_UNITY_BUILD=OFF
# builds file by file, e.g. to check that every file includes what it uses (a batch can hide a
# missing include behind an earlier file).
option(CYB_UNITY_BUILD "Compile the sources of each target in batches (unity build)" ON)
set(CYB_UNITY_BATCH_SIZE 8 CACHE STRING "Source files per unity batch")
set(CMAKE_UNITY_BUILD ${CYB_UNITY_BUILD})
set(CMAKE_UNITY_BUILD_BATCH_SIZE ${CYB_UNITY_BATCH_SIZE})
# In a batch each .cpp is an included file, so GCC warns about every fixture of an anonymous
# namespace (-Wsubobject-linkage): true of a header, meaningless for a batched source file.
if(CYB_UNITY_BUILD AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  add_compile_options(-Wno-subobject-linkage)
endif()
