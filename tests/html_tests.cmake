# HTML pages (issue #17): the extractor's unit tests, in their own doctest
# binary, and its measuring tool for scripts/html-quality.
add_executable(newsdex_html_tests
  unit_main.cc
  indexer/extract/html/html_article_test.cc
  indexer/extract/html/main_text_test.cc
  indexer/extract/html/page_charset_test.cc
  indexer/extract/html/page_date_test.cc
  indexer/extract/html/page_metadata_test.cc
  indexer/html_page_reader_test.cc
  indexer/jsonl_html_test.cc
  indexer/warc_reader_test.cc
  # newsdex-index's reporter is part of the program, not of the library.
  indexer/index_report_test.cc
  ${PROJECT_SOURCE_DIR}/indexer/index_report.cc
)
target_include_directories(newsdex_html_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(newsdex_html_tests PRIVATE newsdex_indexer doctest::doctest
  ZLIB::ZLIB)
target_compile_definitions(newsdex_html_tests PRIVATE
  NEWSDEX_CORPUS_DIR="${PROJECT_SOURCE_DIR}/corpus"
  NEWSDEX_TMP_DIR="${CMAKE_CURRENT_BINARY_DIR}/tmp")
doctest_discover_tests(newsdex_html_tests TEST_PREFIX "unit: ")

add_executable(newsdex_html_eval html_eval/html_eval.cc)
target_link_libraries(newsdex_html_eval PRIVATE newsdex_indexer ZLIB::ZLIB)

# End-to-end: the built programs on folders of .html pages.
add_executable(newsdex_html_e2e_tests
  unit_main.cc
  e2e/html_pages_test.cc
  e2e/print_records_test.cc
  e2e/index_output_test.cc
  e2e/run_program.cc
)
target_include_directories(newsdex_html_e2e_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(newsdex_html_e2e_tests PRIVATE
  newsdex_common doctest::doctest ZLIB::ZLIB)
add_dependencies(newsdex_html_e2e_tests newsdex-index newsdex-search)
target_compile_definitions(newsdex_html_e2e_tests PRIVATE
  NEWSDEX_BIN_DIR="${CMAKE_RUNTIME_OUTPUT_DIRECTORY}"
  NEWSDEX_CORPUS_DIR="${PROJECT_SOURCE_DIR}/corpus"
  NEWSDEX_SHARED_DIR="${NEWSDEX_SHARED_DIR}"
  NEWSDEX_TMP_DIR="${CMAKE_CURRENT_BINARY_DIR}/html-e2e-tmp")
doctest_discover_tests(newsdex_html_e2e_tests TEST_PREFIX "e2e: ")

# Issue #17's article-body targets on ../shared/html-extraction and its
# date target (0.92) on the development part of ../shared/html-dates;
# skipped (exit 77) without them.
add_test(NAME quality:html-extraction-targets
  COMMAND sh -c "[ -d \"$1/html-extraction\" ] || { echo \"skipped: $1/html-extraction not found\"; exit 77; }; NEWSDEX_SHARED=\"$1\" BUILD_DIR=\"$2\" exec \"$0\" --no-build --no-speed --check"
  ${PROJECT_SOURCE_DIR}/scripts/html-quality ${NEWSDEX_SHARED_DIR} ${CMAKE_BINARY_DIR})
set_tests_properties(quality:html-extraction-targets PROPERTIES
  SKIP_RETURN_CODE 77 WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# Issue #17's real pages end to end: the ISW report pages as .html against
# their JSON Lines version (scripts/isw-html-check); skipped (77) without
# ../shared.
add_test(NAME quality:isw-html-targets
  COMMAND python3 ${PROJECT_SOURCE_DIR}/scripts/isw-html-check --check
          ${CMAKE_RUNTIME_OUTPUT_DIRECTORY})
set_tests_properties(quality:isw-html-targets PROPERTIES
  SKIP_RETURN_CODE 77 ENVIRONMENT "NEWSDEX_SHARED=${NEWSDEX_SHARED_DIR}")
