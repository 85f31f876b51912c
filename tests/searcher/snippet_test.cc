// Tests for searcher/snippet.cc: matching, passage choice, UTF-8 safety.
#include "searcher/snippet.h"

#include <doctest/doctest.h>

#include "common/text_utf8.h"

namespace newsdex {

namespace {

TermMatcher matcher_for(std::set<std::string> stems,
                        std::set<std::string> exact = {},
                        std::vector<std::string> wildcards = {}) {
  HighlightTerms terms;
  terms.stems = std::move(stems);
  terms.exact = std::move(exact);
  terms.wildcard_prefixes = std::move(wildcards);
  return TermMatcher(terms, Xapian::Stem("english"));
}

// The fragment as text with [brackets] around highlighted words.
std::string show(const Fragment& f) {
  std::string out;
  for (const auto& s : f.spans)
    out += s.highlighted ? "[" + s.text + "]" : s.text;
  return out;
}

}  // namespace

TEST_CASE("highlight terms come from the query's free-text and title terms") {
  Xapian::Query q(
      Xapian::Query::OP_AND,
      Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("Ztalk"),
                    Xapian::Query("ZSpeac")),
      Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("istanbul"),
                    Xapian::Query("XSsbsnews")));
  HighlightTerms t = HighlightTerms::from_query(q);
  CHECK(t.stems == std::set<std::string>{"talk", "peac"});
  CHECK(t.exact == std::set<std::string>{"istanbul"});
}

TEST_CASE("every form of a stemmed term matches, case and apostrophes fold") {
  TermMatcher m = matcher_for({"talk", "kyiv"}, {"istanbul"});
  CHECK(m.match("talks") >= 0);
  CHECK(m.match("Talking") == m.match("talks"));
  CHECK(m.match("ISTANBUL") >= 0);
  CHECK(m.match("Kyiv\xE2\x80\x99s") >= 0);  // Kyiv’s
  CHECK(m.match("walk") < 0);
  CHECK(m.match("talk") != m.match("istanbul"));
}

TEST_CASE("a shared stem cache serves later matchers with other terms") {
  auto stems = std::make_shared<StemCache>(Xapian::Stem("english"));
  CHECK(stems->stem("talking") == "talk");
  CHECK(stems->stem("talking") == "talk");  // from the cache
  HighlightTerms first;
  first.stems = {"talk"};
  TermMatcher a(first, stems);
  CHECK(a.match("Talks") >= 0);
  CHECK(a.match("walks") < 0);
  // A later query's matcher, same cache: answers for its own terms.
  HighlightTerms second;
  second.stems = {"walk"};
  TermMatcher b(second, stems);
  CHECK(b.match("walks") >= 0);
  CHECK(b.match("Talks") < 0);
  CHECK(b.match("WALKING") == b.match("walks"));
}

TEST_CASE("a stem cache starts afresh when full and still stems right") {
  StemCache stems{Xapian::Stem("english")};
  for (std::size_t i = 0; i < StemCache::kMaxWords + 10; ++i) {
    stems.stem("word" + std::to_string(i) + "ing");
  }
  CHECK(stems.stem("running") == "run");
  CHECK(stems.stem("word5ing") == Xapian::Stem("english")("word5ing"));
}

TEST_CASE(
    "English stems keep a word's first letter, so matchers may "
    "turn words away by it") {
  StemCache english{Xapian::Stem("english")};
  CHECK(english.keeps_first_letter());
  CHECK(StemCache{Xapian::Stem()}.keeps_first_letter());
  // Prefix-stripping stemmers do not qualify.
  CHECK_FALSE(StemCache{Xapian::Stem("irish")}.keeps_first_letter());
  CHECK_FALSE(StemCache{Xapian::Stem("indonesian")}.keeps_first_letter());
  CHECK_FALSE(StemCache{Xapian::Stem("lovins")}.keeps_first_letter());
  CHECK(Xapian::Stem("lovins")("ul") == "l");  // why not
  for (const char* language : {"english", "porter", "earlyenglish"}) {
    Xapian::Stem stem(language);
    for (const char* word :
         {"dying",  "lying",   "tying",     "skies",  "yelling",    "yes",
          "ugly",   "idly",    "news",      "gently", "ycleped",    "year's",
          "y",      "a",       "1987s",     "zz",     "generously", "cannot",
          "onward", "succeed", "proceeding"}) {
      CAPTURE(language);
      CAPTURE(word);
      std::string s = stem(word);
      REQUIRE_FALSE(s.empty());
      CHECK(s[0] == word[0]);
    }
  }
  // The shortcut changes no answer: "dying" still matches "die".
  HighlightTerms terms;
  terms.stems = {"die", "1987"};
  TermMatcher m(terms, std::make_shared<StemCache>(Xapian::Stem("english")));
  CHECK(m.match("dying") >= 0);
  CHECK(m.match("Dies") >= 0);
  CHECK(m.match("1987") >= 0);
  CHECK(m.match("lying") < 0);
  CHECK(m.match("Édith") < 0);
}

TEST_CASE("wildcards match words by prefix") {
  TermMatcher m = matcher_for({}, {}, {"negotiat"});
  CHECK(m.match("Negotiations") >= 0);
  CHECK(m.match("negotiator") >= 0);
  CHECK(m.match("negate") < 0);
}

TEST_CASE("the passage with the most distinct query terms wins") {
  std::string text =
      "Talks were mentioned early on. Filler words follow here for a while so "
      "the windows cannot overlap at all, and more filler text goes on and "
      "on and on. Later the ceasefire talks in Istanbul began in earnest.";
  TermMatcher m = matcher_for({"talk", "ceasefir"}, {"istanbul"});
  auto fragments = make_snippet(text, {60, 1}, m);
  REQUIRE(fragments.size() == 1);
  std::string shown = show(fragments[0]);
  CAPTURE(shown);
  // Adjacent matches join into one highlight.
  CHECK(shown.find("[ceasefire talks] in [Istanbul]") != std::string::npos);
  CHECK(fragments[0].cut_before);
}

TEST_CASE("passages are cut at word boundaries within the length") {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "word" + std::to_string(i) + " ";
  text += "target ";
  for (int i = 0; i < 50; ++i) text += "tail" + std::to_string(i) + " ";
  TermMatcher m = matcher_for({"target"});
  auto fragments = make_snippet(text, {80, 1}, m);
  REQUIRE(fragments.size() == 1);
  std::string plain;
  for (const auto& s : fragments[0].spans) plain += s.text;
  CHECK(plain.size() <= 80);
  CHECK(plain.find("target") != std::string::npos);
  CHECK(plain.front() == 'w');  // starts on a whole word
  CHECK(plain.substr(plain.size() - 1) != " ");
  CHECK(fragments[0].cut_before);
  CHECK(fragments[0].cut_after);
}

TEST_CASE("several fragments come in text order and do not overlap") {
  std::string text = "Alpha begins. " + std::string(300, 'x') +
                     " Middle filler. " + std::string(300, 'y') +
                     " Omega ends here.";
  TermMatcher m = matcher_for({"alpha", "omega"});
  auto fragments = make_snippet(text, {40, 2}, m);
  REQUIRE(fragments.size() == 2);
  CHECK(show(fragments[0]).find("[Alpha]") != std::string::npos);
  CHECK(show(fragments[1]).find("[Omega]") != std::string::npos);
}

TEST_CASE("no match gives the lead of the text") {
  TermMatcher m = matcher_for({"absent"});
  auto fragments =
      make_snippet("First words of the article. Then more.", {20, 2}, m);
  REQUIRE(fragments.size() == 1);
  CHECK(show(fragments[0]) == "First words of the");
  CHECK_FALSE(fragments[0].cut_before);
  CHECK(fragments[0].cut_after);
}

TEST_CASE("snippets look only at the start of a very long text") {
  std::string filler;
  while (filler.size() < kMaxSnippetScanBytes) filler += "word ";
  TermMatcher m = matcher_for({"ceasefir", "talk"});
  // A match past the limit is not looked for; one before it is found.
  auto late = make_snippet(filler + "ceasefire", {40, 2}, m);
  REQUIRE(late.size() == 1);
  CHECK(show(late[0]).find('[') == std::string::npos);
  auto early = make_snippet("talks " + filler + "ceasefire", {40, 2}, m);
  REQUIRE_FALSE(early.empty());
  CHECK(show(early[0]).find("[talks]") == 0);
}

TEST_CASE("many fragments over many matches are chosen as before") {
  // Windows stop before words an earlier passage took; the best window is
  // the first with the most distinct terms, then the most matches.
  TermMatcher m = matcher_for({"a", "b"});
  std::string text;
  for (int i = 0; i < 50; ++i) text += i % 7 == 0 ? "b x " : "a x ";
  auto fragments = make_snippet(text, {12, 50}, m);
  REQUIRE(fragments.size() > 5);
  std::size_t highlighted = 0;
  for (const auto& f : fragments) {
    for (const auto& span : f.spans) highlighted += span.highlighted;
  }
  CHECK(highlighted == 50);  // every match in exactly one passage
  CHECK(show(fragments[0]).find("[b]") == 0);
}

TEST_CASE("snippets never split UTF-8 and fold white space") {
  std::string text =
      "Зеленский  провёл\n\nпереговоры в Стамбуле — «мир» близок.";
  HighlightTerms russian;
  russian.stems = {"переговор"};
  TermMatcher m(russian, Xapian::Stem("russian"));
  auto fragments = make_snippet(text, {30, 1}, m);
  REQUIRE(fragments.size() == 1);
  std::string all;
  for (const auto& s : fragments[0].spans) all += s.text;
  CHECK(find_invalid_utf8(all) == std::string::npos);
  CHECK(all.find("  ") == std::string::npos);
  CHECK(all.find('\n') == std::string::npos);
  CHECK(show(fragments[0]).find("[переговоры]") != std::string::npos);
}

TEST_CASE("phrase words are highlighted only where the phrase occurs") {
  std::vector<Xapian::Query> words{Xapian::Query("Zpeac"),
                                   Xapian::Query("Ztalk")};
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, words.begin(), words.end());
  HighlightTerms terms = HighlightTerms::from_query(phrase);
  REQUIRE(terms.phrases.size() == 1);
  CHECK(terms.phrases[0] == std::vector<std::string>{"peac", "talk"});
  TermMatcher m(terms, Xapian::Stem("english"));
  CHECK(show(highlight_all("Peace deal, then talks; later Peace Talks began",
                           m)) ==
        "Peace deal, then talks; later [Peace Talks] began");
  // A word also searched on its own is highlighted everywhere.
  Xapian::Query both(Xapian::Query::OP_AND, phrase, Xapian::Query("Ztalk"));
  TermMatcher m2(HighlightTerms::from_query(both), Xapian::Stem("english"));
  CHECK(show(highlight_all("Peace deal, then talks; later Peace Talks began",
                           m2)) ==
        "Peace deal, then [talks]; later [Peace Talks] began");
}

TEST_CASE("highlight_all marks matches in a title") {
  TermMatcher m = matcher_for({"talk"});
  CHECK(show(highlight_all("Peace talks in Istanbul", m)) ==
        "Peace [talks] in Istanbul");
}

}  // namespace newsdex
