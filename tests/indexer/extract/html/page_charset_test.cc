// Tests for indexer/extract/html/page_charset.cc and the decoding in
// indexer/extract/html/html_article.cc.
#include "indexer/extract/html/page_charset.h"

#include <doctest/doctest.h>

#include "indexer/extract/html/html_article.h"

namespace newsdex {

TEST_CASE("html charset: labels map to iconv names") {
  CHECK(iconv_charset_name("utf8") == "UTF-8");
  CHECK(iconv_charset_name(" UTF-8 ") == "UTF-8");
  CHECK(iconv_charset_name("ISO-8859-1") == "CP1252");
  CHECK(iconv_charset_name("Shift_JIS") == "CP932");
  CHECK(iconv_charset_name("windows-1251") == "windows-1251");
  CHECK(iconv_charset_name("iso-8859-5") == "iso-8859-5");
  CHECK(iconv_charset_name("no-such-charset") == "");
  CHECK(charset_from_content_type("text/html; charset=\"KOI8-R\"") == "koi8-r");
  CHECK(charset_from_content_type("text/html") == "");
}

TEST_CASE("html charset: a windows-1251 page declared in <meta> is read") {
  // "Привет мир" in windows-1251.
  std::string page =
      "<html><head><meta charset=\"windows-1251\"><title>t</title></head>"
      "<body><p>\xCF\xF0\xE8\xE2\xE5\xF2 \xEC\xE8\xF0</p></body></html>";
  std::string charset;
  std::string utf8 = page_to_utf8(page, "", charset);
  CHECK(charset == "windows-1251");
  CHECK(utf8.find("Привет мир") != std::string::npos);
}

TEST_CASE("html charset: http-equiv, the HTTP header, a BOM, detection") {
  // "café" in ISO-8859-1 declared through http-equiv.
  std::string latin =
      "<html><head><meta http-equiv=\"Content-Type\" "
      "content=\"text/html; charset=iso-8859-1\"></head><body>caf\xE9</body>"
      "</html>";
  std::string charset;
  CHECK(page_to_utf8(latin, "", charset).find("café") != std::string::npos);
  CHECK(charset == "CP1252");
  // The HTTP header wins over nothing declared.
  std::string cyr = "<p>\xCF\xF0\xE8\xE2\xE5\xF2</p>";
  CHECK(page_to_utf8(cyr, "windows-1251", charset).find("Привет") !=
        std::string::npos);
  // A UTF-8 BOM is dropped.
  CHECK(page_to_utf8("\xEF\xBB\xBF<p>x</p>", "", charset) == "<p>x</p>");
  CHECK(charset == "UTF-8");
  // Valid UTF-8 stays UTF-8 even under a stale latin-1 declaration.
  std::string resaved = "<meta charset=iso-8859-1><p>Zürich café</p>";
  CHECK(page_to_utf8(resaved, "", charset) == resaved);
  // Undeclared Shift_JIS text is detected: "日本語のニュース記事です。" * 4.
  std::string sjis;
  for (int i = 0; i < 4; ++i)
    sjis +=
        "\x93\xFA\x96\x7B\x8C\xEA\x82\xCC\x83\x6A\x83\x85\x81\x5B\x83\x58"
        "\x8B\x4C\x8E\x96\x82\xC5\x82\xB7\x81\x42";
  std::string decoded = page_to_utf8("<p>" + sjis + "</p>", "", charset);
  CHECK(decoded.find("日本語のニュース記事です。") != std::string::npos);
}

TEST_CASE("html charset: invalid bytes become U+FFFD, never invalid UTF-8") {
  CHECK(repair_utf8("a\xFF"
                    "b") ==
        "a\xEF\xBF\xBD"
        "b");
  auto out = convert_to_utf8("\x81\x20", "CP932");
  REQUIRE(out);
  CHECK(out->find("\xEF\xBF\xBD") != std::string::npos);
  CHECK_FALSE(convert_to_utf8("x", "no-such-charset"));
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE("html charset: a declared charset iconv does not know is told") {
  std::string charset, unknown;
  std::string page =
      "<html><head><meta charset=\"x-no-such-charset\"></head><body>"
      "<p>caf\xE9 owners met on Monday</p></body></html>";
  CHECK(page_to_utf8(page, "", charset, &unknown).find("café") !=
        std::string::npos);
  CHECK(unknown == "x-no-such-charset");
  // An unknown HTTP charset: the page's own declaration is read instead.
  unknown.clear();
  std::string cyr =
      "<meta charset=windows-1251><p>\xCF\xF0\xE8\xE2\xE5\xF2</p>";
  CHECK(page_to_utf8(cyr, "x-bogus", charset, &unknown).find("Привет") !=
        std::string::npos);
  CHECK(unknown == "x-bogus");
  // Known charsets, and UTF-8 text whatever it declares, tell nothing.
  unknown.clear();
  page_to_utf8("<meta charset=x-no-such-charset><p>café</p>", "", charset,
               &unknown);
  CHECK(unknown == "");
  page_to_utf8(cyr, "windows-1251", charset, &unknown);
  CHECK(unknown == "");
  HtmlPageInput input{page, "", "", std::chrono::sys_days{}};
  CHECK(extract_html_article(input).unknown_charset == "x-no-such-charset");
}

}  // namespace newsdex
