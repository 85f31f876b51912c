// Tests for indexer/extract/html/page_date.cc.
#include "indexer/extract/html/page_date.h"

#include <doctest/doctest.h>

namespace newsdex {
namespace {

constexpr std::chrono::sys_days kToday =
    std::chrono::sys_days{std::chrono::year{2025} / 7 / 1};

std::string date_of(const std::string& page, const std::string& url = "") {
  HtmlTree tree(page);
  PageSignals signals = read_page_signals(tree);
  PageDate d = find_publication_date(tree, signals, url, tree.body(), kToday);
  return d.date ? d.date->iso_date() : "";
}

}  // namespace

TEST_CASE("html dates: written dates in several languages and forms") {
  struct Row {
    const char* text;
    bool month_first;
    const char* expected;
  };
  const Row rows[] = {
      {"Posted on June 2, 2025 by admin", false, "2025-06-02"},
      {"Published 2nd June 2025, 10:00", false, "2025-06-02"},
      {"Jun. 2 2025", false, "2025-06-02"},
      {"2. Juni 2025", false, "2025-06-02"},
      {"le 2 juin 2025", false, "2025-06-02"},
      {"2 de junio de 2025", false, "2025-06-02"},
      {"2 червня 2025 року", false, "2025-06-02"},
      {"2 Haziran 2025", false, "2025-06-02"},
      {"2025年6月2日(月)", false, "2025-06-02"},
      {"2025년 6월 2일", false, "2025-06-02"},
      {"Updated: 2025-06-02 10:00", false, "2025-06-02"},
      {"02.06.2025", false, "2025-06-02"},
      {"02/06/2025", false, "2025-06-02"},
      {"06/02/2025", true, "2025-06-02"},
      {"13/06/2025", true, "2025-06-13"},
      {"31 February 2025", false, ""},
      {"no date here, 2025 only", false, ""},
  };
  for (const Row& r : rows) {
    auto d = find_date_in_text(r.text, r.month_first);
    CHECK_MESSAGE((d ? d->iso_date() : "") == r.expected, r.text);
  }
}

TEST_CASE("html dates: the URL's path") {
  for (const char* url :
       {"https://e.com/2025/06/02/talks", "https://e.com/news/2025-06-02-talks",
        "https://e.com/2025-06-02-talks",
        "https://e.com/a/20250602/talks.html"}) {
    CAPTURE(url);
    auto date = find_date_in_url(url);
    REQUIRE(date);
    CHECK(date->iso_date() == "2025-06-02");
  }
  CHECK_FALSE(find_date_in_url("https://e.com/2025/06-02/talks"));
  CHECK_FALSE(find_date_in_url("https://e.com/2025/06/talks"));
  CHECK_FALSE(find_date_in_url("https://e.com/item/12345678901"));
}

TEST_CASE("html dates: published beats modified, in every source") {
  // JSON-LD: datePublished, not dateModified, in the publisher's offset.
  CHECK(date_of("<script type=application/ld+json>{\"@type\":\"NewsArticle\","
                "\"dateModified\":\"2025-06-05T10:00:00Z\",\"datePublished\":"
                "\"2025-06-02T23:30:00-05:00\"}</script>") == "2025-06-02");
  // Meta: article:published_time, not article:modified_time.
  CHECK(
      date_of("<meta property=\"article:modified_time\" "
              "content=\"2025-06-05\"><meta "
              "property=\"article:published_time\" content=\"2025-06-02\">") ==
      "2025-06-02");
  // JSON-LD wins over meta.
  CHECK(date_of("<meta name=date content=\"2025-06-03\"><script "
                "type=application/ld+json>{\"@type\":\"Article\","
                "\"datePublished\":\"2025-06-02\"}</script>") == "2025-06-02");
  // <time>: the updated one is passed over.
  CHECK(date_of("<body><time class=updated datetime=\"2025-06-05\">5 "
                "June</time><time datetime=\"2025-06-02T08:00:00+02:00\">2 "
                "June</time></body>") == "2025-06-02");
  // The URL, when the markup has nothing.
  CHECK(date_of("<p>Text</p>", "https://e.com/2025/06/02/talks") ==
        "2025-06-02");
  // A date written next to the byline.
  CHECK(date_of("<body><div class=\"post-meta\">By Jane Doe | June 2, "
                "2025</div><p>Text</p></body>") == "2025-06-02");
}

TEST_CASE("html dates: never a date in the future or before 1995") {
  CHECK(date_of("<meta property=\"article:published_time\" "
                "content=\"2030-01-01\">") == "");
  CHECK(date_of("<meta property=\"article:published_time\" "
                "content=\"2030-01-01\"><meta name=date "
                "content=\"2025-06-02\">") == "2025-06-02");
  CHECK(date_of("<meta name=date content=\"1970-01-01\">") == "");
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE("html dates: a UTC stamp is moved to the publisher's day") {
  // 02:11Z on the 9th is 21:11 on the 8th in Boston, as the page's own
  // <time> shows.
  CHECK(date_of("<script type=application/ld+json>{\"@type\":\"NewsArticle\","
                "\"datePublished\":\"2023-11-09T02:11:03+00:00\"}</script>"
                "<body><time class=pub datetime=\"2023-11-08T21:11:03-05:00\">"
                "Nov 8</time></body>") == "2023-11-08");
  // The URL's day, one day before the UTC stamp.
  CHECK(date_of("<meta property=\"article:published_time\" "
                "content=\"2023-11-09T05:30:59+00:00\">",
                "https://e.com/2023/11/08/mayor") == "2023-11-08");
  // A UTC stamp with nothing to say otherwise stays as it is.
  CHECK(date_of("<meta property=\"article:published_time\" "
                "content=\"2023-11-09T05:30:59Z\">") == "2023-11-09");
}

TEST_CASE(
    "html dates: RDFa properties, dates beside the headline, dot and "
    "slash orders") {
  CHECK(date_of("<body><span property=\"schema:dateCreated\" "
                "content=\"2022-01-28T12:45:46+00:00\"></span></body>") ==
        "2022-01-28");
  CHECK(date_of("<body><div><h3>21.01.2022</h3><h1>Jahresbericht</h1>"
                "<p>Text ohne Datum.</p></div></body>") == "2022-01-21");
  CHECK(date_of("<body><h1>Unser Tipp</h1><p class=caption>01. November "
                "2021 | Naturschutz</p></body>") == "2021-11-01");
  // Machine-written slashes in meta values are month first.
  CHECK(date_of("<html lang=de><meta name=date content=\"11/01/2023 "
                "12:43:42\">") == "2023-11-01");
  // Dots are day first even on an American page.
  CHECK(find_date_in_text("02.06.2025", true)->iso_date() == "2025-06-02");
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE(
    "html dates: JSON-LD with one brace too many, a date inside the "
    "headline") {
  CHECK(date_of("<script type=application/ld+json>{\"@type\":\"NewsArticle\","
                "\"datePublished\":\"2020-10-26T18:10:00+01:00\",\"publisher\":"
                "{\"name\":\"X\"}}}</script><body><p>Objavljeno 9. 8. "
                "2020.</p></body>") == "2020-10-26");
  CHECK(
      date_of("<body><h1>Zuschauerrückkehr<br><small>02.02.2022 • "
              "Verband</small></h1><p>28.01.2022 war es anders.</p></body>") ==
      "2022-02-02");
}

}  // namespace newsdex

namespace newsdex {

TEST_CASE("html dates: a URL's year, month and day are next to each other") {
  // "~02-01-2022-land-zahlte-rund-1-4-millionen": 2022, then words, then
  // 1 and 4 are not a date.
  CHECK_FALSE(find_date_in_url(
      "https://e.de/detail/~02-01-2022-land-zahlte-rund-1-4-millionen"));
  CHECK_FALSE(
      find_date_in_url("https://e.ch/ausgaben/2019-4/artikel/heft-4-2019"));
  CHECK(find_date_in_url("https://e.com/news/2019-4-7-talks")->iso_date() ==
        "2019-04-07");
}

TEST_CASE("html dates: a video's uploadDate is its publication date") {
  CHECK(date_of("<meta name=\"zdf:publicationDate\" "
                "content=\"2020-09-08T17:33:18+02:00\"><script "
                "type=application/ld+json>{\"@type\":\"VideoObject\","
                "\"name\":\"US-Sport\",\"uploadDate\":\"2020-04-04T20:57:00."
                "000+02:00\"}</script>") == "2020-04-04");
  // An article with a clip embedded: the article's date.
  CHECK(date_of("<meta property=\"article:published_time\" "
                "content=\"2017-12-01T12:01:11+01:00\"><script "
                "type=application/ld+json>{\"@type\":\"VideoObject\","
                "\"uploadDate\":\"2015-01-16T14:53:35+01:00\"}</script>") ==
        "2017-12-01");
}

TEST_CASE("html dates: two-digit years only where the page marks a date") {
  CHECK(date_of("<body><div class=text><div class=date> Party, 30.10.23 "
                "</div><h1>Kostüme</h1></div><p>Gruseln.</p></body>") ==
        "2023-10-30");
  CHECK(date_of("<body><h1>Grab-Bote</h1><div class=article-meta-wrapper>"
                "Von: B. Jahner <span>|</span> <span>31.10.23</span></div>"
                "<p>Text.</p></body>") == "2023-10-31");
  // Not in running text, where 1.10.23 is as likely a version number.
  CHECK(date_of("<body><p>Update to release 31.10.23 now.</p></body>") == "");
  CHECK_FALSE(find_date_in_text("31.10.23", false));
  CHECK(find_date_in_text("31.10.23", false, YearDigits::kTwoOrFour)
            ->iso_date() == "2023-10-31");
  // Two digits are this century's years, and never one in the future.
  CHECK_FALSE(find_date_in_text("1.2.3", false, YearDigits::kTwoOrFour));
  CHECK(date_of("<body><h1>T</h1><div class=date>31.10.29</div></body>") == "");
}

TEST_CASE("html dates: a date labelled as the last change is passed over") {
  CHECK(date_of("<body><h1>Kritik</h1><p>Text ohne Datum.</p><p "
                "class=footerFrstLn>Letzte Änderung: 31.10.2023 - "
                "14:49:39<br>Erschienen am: 01.11.2023</p></body>") ==
        "2023-11-01");
  CHECK(date_of("<body><div class=post-meta>Updated June 5, 2025 · "
                "Published June 2, 2025</div><p>Text</p></body>") ==
        "2025-06-02");
  // With no other date, the labelled one is still a date of the page.
  CHECK(date_of("<body><p class=info>Aktualisiert: 03.05.2024</p></body>") ==
        "2024-05-03");
}

TEST_CASE("html dates: a date whose parts are separate elements") {
  CHECK(date_of("<body><div class=date><span class=month>Apr</span> <span "
                "class=day>04</span><span class=year>2013</span></div>"
                "<p>Text</p></body>") == "2013-04-04");
}

TEST_CASE("html dates: the URL's day only at an offset publishers use") {
  // 10:04Z is the 9th everywhere from UTC-10 to UTC+13: the URL's 8th
  // (the day the story was filed) does not move it.
  CHECK(date_of("<script type=application/ld+json>{\"@type\":\"NewsArticle\","
                "\"datePublished\":\"2020-07-09T10:04:04Z\"}</script>",
                "https://e.com/politics/2020/07/08/c3d22ec8_story.html") ==
        "2020-07-09");
  // 14:30Z on the 8th is the 9th in Sydney (UTC+10).
  CHECK(date_of("<meta property=\"article:published_time\" "
                "content=\"2023-11-08T14:30:00Z\">",
                "https://e.com.au/2023/11/09/story") == "2023-11-09");
}

TEST_CASE("html dates: a publication date in a page's inline JSON") {
  CHECK(date_of("<body><div class=review-dates><script "
                "type=\"application/json\">{\"publishedDate\":\"2016-11-04T20:"
                "37:27Z\",\"updatedDate\":\"2016-11-05T20:39:47Z\"}</script>"
                "</div><p>Great service.</p><p>Posted 2 days ago, 3.1.2017"
                "</p></body>") == "2016-11-04");
  CHECK(date_of("<script>window.state = {\"article\": {\"updatedAt\": "
                "\"2019-02-03\", \"published_at\": \"2019-01-30T08:00:00\"}}"
                "</script>") == "2019-01-30");
  // Never one in the future.
  CHECK(date_of("<script type=\"application/json\">{\"publishDate\":"
                "\"2031-01-01\"}</script>") == "");
}

TEST_CASE("html dates: a date in the future is never taken, from any source") {
  // kToday is 2025-07-01; a day's slack at most.
  CHECK(date_of("<p>Text</p>", "https://e.com/2025/07/09/talks") == "");
  CHECK(date_of("<body><div class=date>July 9, 2025</div></body>") == "");
  CHECK(date_of("<body><div class=date>July 9, 2025</div><div class=date>June "
                "30, 2025</div></body>") == "2025-06-30");
  CHECK(date_of("<body><time datetime=\"2025-08-01\">1 Aug</time></body>") ==
        "");
  CHECK(date_of("<script type=application/ld+json>{\"@type\":\"Article\","
                "\"datePublished\":\"2026-01-01\"}</script>") == "");
}

}  // namespace newsdex
namespace newsdex {

TEST_CASE("html dates: a bare meta date yields to a time marked as published") {
  // <meta name=date> is often the last change (TYPO3 writes it so); a
  // <time> in a block marked "posted" is the publication.
  CHECK(date_of("<meta name=Date content=\"2022-1-26T14:32:06+02:00\"><body>"
                "<div class=\"meta__row meta__row--posted\"><p "
                "class=meta__content><time datetime=\"2022-01-21\" "
                "class=meta__label>21.01.2022 - 13:30</time></p></div>"
                "<p>Text</p></body>") == "2022-01-21");
  // Still taken before a <time> that says nothing of itself.
  CHECK(date_of("<meta name=date content=\"2022-01-26\"><body><p>Text "
                "<time datetime=\"2022-01-21\">21.01.</time></p></body>") ==
        "2022-01-26");
}

}  // namespace newsdex
