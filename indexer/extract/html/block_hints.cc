// Class/id hints and block prompts, as word lists.
#include "indexer/extract/html/block_hints.h"

#include <algorithm>
#include <array>

#include "common/text_utf8.h"

namespace newsdex {
namespace {

bool contains_any(std::string_view hay,
                  std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles) {
    if (hay.find(n) != std::string_view::npos) return true;
  }
  return false;
}

// Whether `hay` has `word` as a whole token (tokens split at anything but
// letters and digits): "ad" in "top-ad banner" but not in "header".
bool has_token(std::string_view hay, std::string_view word) {
  std::size_t at = 0;
  while ((at = hay.find(word, at)) != std::string_view::npos) {
    auto is_alnum = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
    bool starts = at == 0 || !is_alnum(hay[at - 1]);
    std::size_t end = at + word.size();
    bool ends = end == hay.size() || !is_alnum(hay[end]);
    if (starts && ends) return true;
    at = end;
  }
  return false;
}

bool has_any_token(std::string_view hay,
                   std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (has_token(hay, w)) return true;
  }
  return false;
}

}  // namespace

// Readability's hints, matched against lower-cased class and id.
bool positive_hint(std::string_view ci) {
  return contains_any(ci, {"article", "body", "content", "entry", "hentry",
                           "main", "post", "text", "blog", "story"});
}
bool negative_hint(std::string_view ci) {
  return contains_any(
             ci, {"-ad-",     "banner",    "combx",      "comment", "com-",
                  "contact",  "foot",      "masthead",   "media",   "meta",
                  "outbrain", "promo",     "related",    "scroll",  "share",
                  "shoutbox", "sidebar",   "skyscraper", "sponsor", "shopping",
                  "tags",     "tool",      "widget",     "nav",     "menu",
                  "cookie",   "subscribe", "newsletter"}) ||
         has_any_token(ci, {"ad", "ads", "hid"});
}
// Elements whose paragraphs Readability never scores.
bool unlikely_candidate(std::string_view ci) {
  if (ci.empty()) return false;
  bool unlikely = contains_any(
      ci,
      {"-ad-",     "ai2html",    "banner",     "breadcrumbs", "combx",
       "comment",  "community",  "cover-wrap", "disqus",      "extra",
       "footer",   "gdpr",       "header",     "legends",     "menu",
       "related",  "remark",     "replies",    "rss",         "shoutbox",
       "sidebar",  "skyscraper", "social",     "sponsor",     "supplemental",
       "ad-break", "agegate",    "pagination", "pager",       "popup",
       "cookie",   "newsletter"});
  return unlikely && !contains_any(ci, {"and", "article", "body", "column",
                                        "content", "main", "shadow"});
}

// ARIA roles of page furniture.
bool unlikely_role(std::string_view role) {
  return role == "menu" || role == "menubar" || role == "complementary" ||
         role == "navigation" || role == "alert" || role == "alertdialog" ||
         role == "dialog";
}

// Class/id of a block inside the body that holds no article text.
// Embedded posts (a quoted tweet) are part of the story, whatever their
// wrapper's "social" class says.
bool boilerplate_hint(std::string_view ci) {
  if (ci.empty()) return false;
  if (contains_any(ci, {"embed", "tweet", "instagram-media"})) return false;
  return contains_any(
             ci,
             {"share",           "social",         "related",       "comment",
              "newsletter",      "subscri",        "promo",         "sidebar",
              "footer",          "cookie",         "advert",        "banner",
              "breadcrumb",      "recommend",      "popup",         "outbrain",
              "taboola",         "sponsor",        "byline",        "author",
              "caption",         "credit",         "toolbar",       "signup",
              "sign-up",         "read-more",      "readmore",      "trending",
              "popular",         "widget",         "timestamp",     "dateline",
              "disclaimer",      "pagination",     "navigation",    "follow",
              "donate",          "teaser",         "most-read",     "mostread",
              "more-stories",    "skip-link",      "screen-reader", "sr-only",
              "visually-hidden", "visuallyhidden", "print",         "tooltip",
              "hovercard"}) ||
         // The card a name shows on hover, not the name itself.
         (ci.find("rollover") != std::string_view::npos &&
          contains_any(ci, {"block", "card", "popup", "content"})) ||
         has_any_token(
             ci, {"ad", "ads", "nav", "menu", "meta", "tools", "email", "date",
                  "time", "rating", "login", "tags", "tag", "modal"});
}

// Class/id naming the article body itself (trafilatura's first choice).
bool body_markup(const GumboNode* e, std::string_view ci) {
  std::string_view itemprop = attribute(e, "itemprop");
  if (itemprop.find("articleBody") != std::string_view::npos) return true;
  return contains_any(
      ci,
      {"article-body",   "articlebody",   "article_body",     "article-content",
       "articlecontent", "article__body", "article__content", "article-text",
       "articletext",    "story-body",    "storybody",        "story-content",
       "story-text",     "entry-content", "entry_content",    "post-content",
       "postcontent",    "post_content",  "post-body",        "postbody",
       "post-entry",     "content-body",  "body-text",        "article-main",
       "blog-content",   "main-text",     "td-post-content",  "text-content",
       "rich-text",      "richtext",      "body-content"});
}

// Share, reading and advertising prompts that stand alone as a block.
bool is_prompt(const std::string& text) {
  // A line of hashtags: "#QAnon#Macht#Kinderschutz".
  if (text.starts_with("#") && text.size() < 400 &&
      text.find(' ') == std::string::npos)
    return true;
  if (text.size() > 80) return false;
  std::string t = fold_case(text);
  while (!t.empty() && (t.back() == ':' || t.back() == '.' || t.back() == ' ' ||
                        t.back() == '>'))
    t.pop_back();
  static constexpr std::array<std::string_view, 27> kPrompts{
      "advertisement", "advertisements", "ad", "share", "share this",
      "share this article", "share this story", "tweet", "email", "print",
      "read more", "related", "related articles", "related stories",
      "continue reading", "comments", "leave a comment", "sponsored",
      "subscribe", "sign up", "story continues below advertisement",
      "skip advertisement",
      // "Advertisement" in German, French and Spanish.
      "anzeige", "anzeigen", "werbung", "publicité", "publicidad"};
  if (std::find(kPrompts.begin(), kPrompts.end(), t) != kPrompts.end())
    return true;
  for (std::string_view prefix :
       {"read more:", "related:", "also read:", "see also:", "read also:",
        "watch:", "click here to", "sign up for", "subscribe to",
        "follow us on", "share on ", "share this",
        // "Read more" and "read also" in German, French, Spanish,
        // Portuguese and Italian.
        "weiterlesen", "mehr lesen", "lesen sie auch", "mehr zum thema",
        "lire aussi", "à lire aussi", "lire la suite", "leer más",
        "lee también", "leia mais", "leia também", "leggi anche"}) {
    if (t.starts_with(prefix)) return true;
  }

  return false;
}

// A short closing paragraph that asks the reader to do something or
// says how to reach the author.
bool is_closing_prompt(const std::string& text) {
  if (text.size() > 200) return false;
  std::string t = fold_case(text);
  for (std::string_view phrase :
       {"subscribe", "sign up", "newsletter", "follow us", "follow him",
        "follow her", "may be reached at", "can be reached at",
        "all rights reserved", "like this story", "share it with", "click here",
        "download the app", "download our app"}) {
    if (t.find(phrase) != std::string::npos) return true;
  }
  // A copyright line: "© 2020 Reuters".
  return t.starts_with("©") || t.starts_with("(c) ") ||
         t.starts_with("copyright");
}

}  // namespace newsdex
