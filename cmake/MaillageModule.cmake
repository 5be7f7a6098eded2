# maillage_module(NAME DEPS dep...)
#   Builds src/NAME/*.cpp into the static library maillage_NAME, and every
#   src/NAME/tests/*.cpp into the GoogleTest executable test_NAME, so a module
#   adds files without touching any CMake file.
function(maillage_module NAME)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  add_library(maillage_${NAME} STATIC ${sources})
  target_include_directories(maillage_${NAME} PUBLIC ${CMAKE_SOURCE_DIR}/src)
  target_link_libraries(maillage_${NAME} PUBLIC ${ARG_DEPS})
  file(GLOB test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/*.cpp)
  if(MAILLAGE_TESTS AND test_sources)
    add_executable(test_${NAME} ${test_sources})
    target_link_libraries(test_${NAME} PRIVATE maillage_${NAME} ${ARG_TEST_DEPS}
                          GTest::gtest GTest::gmock GTest::gtest_main)
    target_compile_definitions(test_${NAME} PRIVATE
      MAILLAGE_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/tests/data"
      MAILLAGE_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    gtest_discover_tests(test_${NAME} DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
