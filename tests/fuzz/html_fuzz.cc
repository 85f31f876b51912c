// libFuzzer target: a saved web page read as an article (charset, HTML5
// tree, main text, metadata, dates), with the first bytes choosing the URL
// and the HTTP charset (scripts/fuzz html SECONDS).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/text_utf8.h"
#include "indexer/extract/html/html_article.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static constexpr std::string_view kCharsets[] = {
      "", "windows-1251", "shift_jis", "utf-8", "x-unknown"};
  static constexpr std::string_view kUrls[] = {
      "", "https://example.com/news/2025/06/02/talks.html",
      "https://example.com/a/20250602/story"};
  std::string_view charset, url;
  if (!bytes.empty()) {
    auto choice = static_cast<unsigned char>(bytes.front());
    charset = kCharsets[choice % std::size(kCharsets)];
    url = kUrls[(choice / std::size(kCharsets)) % std::size(kUrls)];
    bytes.remove_prefix(1);
  }
  newsdex::HtmlPageInput input;
  input.bytes = bytes;
  input.url = url;
  input.http_charset = charset;
  input.today = std::chrono::sys_days{std::chrono::year{2026} / 1 / 1};
  newsdex::HtmlArticle a = newsdex::extract_html_article(input);
  // Whatever the page, what comes out is UTF-8.
  if (newsdex::find_invalid_utf8(a.text) != std::string_view::npos ||
      newsdex::find_invalid_utf8(a.title) != std::string_view::npos ||
      newsdex::find_invalid_utf8(a.source) != std::string_view::npos) {
    __builtin_trap();
  }
  for (const auto& author : a.authors) {
    if (newsdex::find_invalid_utf8(author) != std::string_view::npos) {
      __builtin_trap();
    }
  }
  return 0;
}
