// Tests for indexer/extract/html/main_text.cc, on small pages built here.
#include "indexer/extract/html/main_text.h"

#include <doctest/doctest.h>

namespace newsdex {
namespace {

std::string main_text_of(const std::string& page,
                         const std::string& title = "") {
  HtmlTree tree(page);
  return extract_main_text(tree, title).text;
}

// Article prose long enough to be scored as such.
std::string prose(const std::string& topic) {
  return "The " + topic +
         " talks resumed on Monday, officials said, after a pause of three "
         "weeks, and both delegations said they expected progress, though "
         "neither would say when an agreement could be signed.";
}

}  // namespace

TEST_CASE(
    "html main text: script, style, noscript, comments and hidden "
    "elements never become text") {
  std::string page =
      "<html><head><style>p{color:red}</style></head><body><article>"
      "<p>" +
      prose("first") +
      "</p>"
      "<script>var secret = 'SCRIPTTEXT';</script>"
      "<noscript>NOSCRIPTTEXT</noscript><!-- COMMENTTEXT -->"
      "<template><p>TEMPLATETEXT</p></template>"
      "<p hidden>HIDDENATTR</p><div aria-hidden=\"true\">ARIAHIDDEN</div>"
      "<p style=\"display: none\">DISPLAYNONE</p>"
      "<p>" +
      prose("second") +
      " Fish &amp; chips &eacute;t&eacute;.</p>"
      "</article></body></html>";
  std::string text = main_text_of(page);
  CHECK(text.find("first talks") != std::string::npos);
  CHECK(text.find("second talks") != std::string::npos);
  for (const char* hidden :
       {"SCRIPTTEXT", "NOSCRIPTTEXT", "COMMENTTEXT", "TEMPLATETEXT",
        "HIDDENATTR", "ARIAHIDDEN", "DISPLAYNONE", "color:red"}) {
    CHECK_MESSAGE(text.find(hidden) == std::string::npos, hidden);
  }
  // Entities are decoded.
  CHECK(text.find("Fish & chips été.") != std::string::npos);
}

TEST_CASE(
    "html main text: navigation, share bars, teasers, comments and "
    "footers around the article are dropped") {
  std::string page =
      "<html><body>"
      "<nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul>"
      "</nav>"
      "<div class=\"cookie-banner\">We use cookies to improve your "
      "experience, and by continuing you accept them all.</div>"
      "<div class=\"content\"><h1>Talks resume</h1>"
      "<div class=\"share-bar\"><a href=#>Share on Facebook</a></div>"
      "<p>" +
      prose("peace") +
      "</p>"
      "<h2>What comes next</h2>"
      "<p>" +
      prose("trade") +
      "</p>"
      "<ul><li>First point of the plan, in words.</li>"
      "<li>Second point of the plan, in words.</li></ul>"
      "<blockquote>We are ready, the minister said.</blockquote>"
      "<p>Advertisement</p>"
      "<p>" +
      prose("border") +
      "</p>"
      "<div class=\"related-stories\"><h3>Related</h3><ul>"
      "<li><a href=/a>Other story about something else entirely</a></li>"
      "<li><a href=/b>Another story about another matter here</a></li>"
      "</ul></div></div>"
      "<div id=\"comments\"><p>I think this is wrong, and so, honestly, do "
      "my neighbours, my friends, and everyone else I have asked.</p></div>"
      "<footer><p>Copyright 2025 The Daily Example, all rights reserved, "
      "and more words.</p></footer>"
      "</body></html>";
  std::string text = main_text_of(page, "Talks resume");
  CHECK(text.starts_with("The peace talks"));
  CHECK(text.find("What comes next\n\nThe trade talks") != std::string::npos);
  CHECK(text.find("First point of the plan") != std::string::npos);
  CHECK(text.find("We are ready") != std::string::npos);
  CHECK(text.find("The border talks") != std::string::npos);
  for (const char* boilerplate :
       {"Home", "cookies", "Share on", "Advertisement", "Other story",
        "Related", "neighbours", "Copyright", "Talks resume"}) {
    CHECK_MESSAGE(text.find(boilerplate) == std::string::npos, boilerplate);
  }
}

TEST_CASE("html main text: itemprop=articleBody is the body") {
  std::string page =
      "<html><body><div class=\"teasers\">"
      "<p>" +
      prose("teaser one") + "</p><p>" + prose("teaser two") +
      "</p>"
      "<p>" +
      prose("teaser three") +
      "</p></div>"
      "<div itemprop=\"articleBody\"><p>" +
      prose("real") + "</p><p>" + prose("second real") + "</p><p>" +
      prose("third real") +
      "</p></div>"
      "</body></html>";
  std::string text = main_text_of(page);
  CHECK(text.starts_with("The real talks"));
  CHECK(text.find("teaser") == std::string::npos);
}

TEST_CASE("html main text: a page without article text gives none") {
  CHECK(main_text_of("<html><body><nav><a href=/>Home</a></nav></body></html>")
            .empty());
  CHECK(main_text_of("").empty());
}

TEST_CASE("html main text: 10,000 nested elements do not crash") {
  std::string page = "<html><body>";
  for (int i = 0; i < 10000; ++i) page += "<div>";
  page += "<p>" + prose("deep") + "</p>";
  for (int i = 0; i < 10000; ++i) page += "</div>";
  page += "<p>" + prose("shallow") + "</p></body></html>";
  std::string text = main_text_of(page);
  CHECK(text.find("shallow talks") != std::string::npos);
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE("html main text: page-wide classes do not hide the article") {
  // WordPress themes put "menu" words on <body>; Drupal marks a field whose
  // label is hidden "field-label-hidden": neither is boilerplate.
  std::string page =
      "<html><body class=\"single mob-menu-slideout-over\"><main>"
      "<header><a href=/>Home</a> <a href=/a>About us</a></header>"
      "<div class=\"field field-name-body field-label-hidden\"><p>" +
      std::string(
          "The first paragraph of the story says what happened, where, "
          "and when, in one long sentence.") +
      "</p><p>The second paragraph says why it matters, to whom, and what "
      "comes next, in another long sentence.</p></div>"
      "<footer><p>About us, contact, careers, and more links</p></footer>"
      "</main></body></html>";
  HtmlTree tree(page);
  std::string text = extract_main_text(tree, "").text;
  CHECK(text.starts_with("The first paragraph"));
  CHECK(text.ends_with("in another long sentence."));
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE(
    "html main text: a body split into chunks, an embedded tweet, a "
    "hover card, closing prompts") {
  auto sentence = [](const std::string& what) {
    return "<p>The " + what +
           " paragraph of the story, long enough to count as prose, says "
           "what happened and why it matters to readers.</p>";
  };
  std::string page =
      "<html><body><article>"
      "<div class=\"body article__body\">" +
      sentence("first") +
      "</div>"
      "<div class=\"ad\">Advertisement</div>"
      "<div class=\"body article__body\">" +
      sentence("second") +
      "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\">"
      "<p>Yes this is real and yes the state spent money on it</p>"
      "</blockquote></div>"
      "<p>It was said by Rep. <span class=\"rollover-people\"><a href=/p>Jane "
      "Roe</a><span class=\"rollover-people-block\">Jane Roe: five other "
      "stories</span></span> on Monday, in Washington.</p>" +
      sentence("third") +
      "<p>Get the latest updates in your inbox. Subscribe to our "
      "newsletters.</p><p>© 2020 Reuters</p><p>Anzeige</p>"
      "<p>Weiterlesen:</p><p>#Politik#Washington#Kongress</p></div>"
      "<aside><p>Unrelated sidebar text about something else entirely, "
      "with many, many, commas, in it.</p></aside>"
      "</article></body></html>";
  HtmlTree tree(page);
  std::string text = extract_main_text(tree, "").text;
  CHECK(text.starts_with("The first paragraph"));
  CHECK(text.find("The second paragraph") != std::string::npos);
  CHECK(text.find("Yes this is real") != std::string::npos);
  CHECK(text.find("Rep. Jane Roe on Monday") != std::string::npos);
  CHECK(text.find("five other stories") == std::string::npos);
  CHECK(text.ends_with("matters to readers."));
  CHECK(text.find("Subscribe") == std::string::npos);
  CHECK(text.find("Advertisement") == std::string::npos);
  CHECK(text.find("Reuters") == std::string::npos);
  CHECK(text.find("Anzeige") == std::string::npos);
  CHECK(text.find("Weiterlesen") == std::string::npos);
  CHECK(text.find("#Politik") == std::string::npos);
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE(
    "html main text: a wrapper with an unlikely class and a page "
    "swallowed by <noscript> are still read") {
  std::string story =
      "<p>Sono almeno nove le femmine di orso che si sono riprodotte nel "
      "parco, e sedici i cuccioli contati, secondo il rapporto annuale.</p>"
      "<p>Il risultato, dicono i ricercatori, e il migliore degli ultimi "
      "cinquanta anni, e conferma la tendenza positiva.</p>";
  // Readability would pass over everything inside "nav-header".
  std::string wrapped =
      "<html><body><div class=\"nav-header container\">"
      "<div><a href=/>Home</a></div><div>" +
      story + "</div></div></body></html>";
  HtmlTree tree(wrapped);
  CHECK(extract_main_text(tree, "").text.starts_with("Sono almeno nove"));
  // "<noscript><div></noscript>": gumbo reads the rest of the page into
  // the <noscript>, a browser does not.
  std::string swallowed = "<html><body><noscript><div id=nojs></noscript>";
  for (int i = 0; i < 30; ++i)
    swallowed += "<div class=menu><a href=/" + std::to_string(i) + ">Link " +
                 std::to_string(i) + "</a></div>";
  swallowed += "<div id=main>" + story +
               "</div><noscript></div></noscript></body></html>";
  HtmlTree swallowed_tree(swallowed);
  CHECK(extract_main_text(swallowed_tree, "")
            .text.starts_with("Sono almeno nove"));
  // A real fallback stays out.
  HtmlTree fallback(
      "<html><body><noscript><p>Please enable JavaScript to "
      "read this site, which needs it for everything.</p>"
      "</noscript><div>" +
      story + "</div></body></html>");
  CHECK(extract_main_text(fallback, "").text.find("JavaScript") ==
        std::string::npos);
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE(
    "html main text: a long comment thread of marked posts, and a "
    "tiny well-named wrapper, do not win over the story") {
  std::string story =
      "<div class=\"story\"><p>The tour stays in California this week, and "
      "the stars of the season, the champion among them, tee off on "
      "Thursday at Pebble Beach.</p><p>The course, by the ocean, is one of "
      "the hardest of the year, players say, when the wind blows.</p>"
      "</div>";
  std::string comments = "<div class=\"article-comments\"><ol>";
  for (int i = 0; i < 12; ++i) {
    comments +=
        "<li class=\"comment\"><div class=\"postcontent\"><p>Comment " +
        std::to_string(i) +
        ": only one of the commentators, with his calm voice, is bearable, "
        "and the rest, frankly, talk far too much.</p></div></li>";
  }
  comments += "</ol></div>";
  HtmlTree tree("<html><body><article>" + story + "</article>" + comments +
                "</body></html>");
  std::string text = extract_main_text(tree, "").text;
  CHECK(text.starts_with("The tour stays in California"));
  CHECK(text.find("commentators") == std::string::npos);

  // The story as text lines between <br>s, beside a one-line notice in an
  // element whose class says content.
  std::string lines;
  for (int i = 0; i < 8; ++i)
    lines += "Line " + std::to_string(i) +
             " of the report, on the farmers' protest, with names, places, "
             "and numbers, as agencies wrote it.<br>";
  HtmlTree br_tree(
      "<html><body><div class=\"contentwrapper\"><p>Live updates are "
      "paused, for now.</p></div><div><div>" +
      lines + "</div></div></body></html>");
  CHECK(
      extract_main_text(br_tree, "").text.starts_with("Line 0 of the report"));
}

}  // namespace newsdex
