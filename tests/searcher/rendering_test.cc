// Tests for searcher/rendering.cc: highlight modes, escaping, line layout.
#include "searcher/rendering.h"

#include <doctest/doctest.h>

#include <sstream>

#include "test_support.h"

namespace newsdex {

namespace {

using test::fragment;

}  // namespace

TEST_CASE("fragments render in each highlight mode") {
  std::vector<Fragment> f{
      fragment({{"a <b> & ", false}, {"talks", true}}, true, false)};
  CHECK(render_fragments(f, HighlightMode::kMarkers) == "…a <b> & **talks**");
  CHECK(render_fragments(f, HighlightMode::kNone) == "…a <b> & talks");
  CHECK(render_fragments(f, HighlightMode::kHtml) ==
        "…a &lt;b&gt; &amp; <b>talks</b>");
  CHECK(render_fragments(f, HighlightMode::kAnsi) ==
        "…a <b> & \033[1;31mtalks\033[0m");
}

TEST_CASE("two passages are joined by one ellipsis") {
  std::vector<Fragment> f{fragment({{"one", false}}, false, true),
                          fragment({{"two", false}}, true, true)};
  CHECK(render_fragments(f, HighlightMode::kNone) == "one … two…");
}

TEST_CASE("the escaping functions") {
  CHECK(html_text("<a href='x'>&\"") ==
        "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
  CHECK(terminal_text("a\x1b[1mb\x07"
                      "c\td\x7f") == "a^[[1mb^Gc d^?");
  CHECK(terminal_text("\xc2\x85"
                      "x\xc3\xa9") ==
        "\xef\xbf\xbd"
        "x\xc3\xa9");
  CHECK(web_link_url("https://a.org/x") == "https://a.org/x");
  CHECK(web_link_url("HTTP://a.org") == "HTTP://a.org");
  CHECK(web_link_url(" javascript:alert(1)").empty());
  CHECK(web_link_url("JaVaScRiPt:alert(1)").empty());
  CHECK(web_link_url("data:text/html,x").empty());
  CHECK(web_link_url("//evil.org").empty());
}

}  // namespace newsdex
