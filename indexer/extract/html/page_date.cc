// Publication dates from meta data, <time>, the URL and written dates.
#include "indexer/extract/html/page_date.h"

#include <array>
#include <cstdio>
#include <unordered_map>
#include <vector>

#include "common/text_utf8.h"

namespace newsdex {
namespace {

// Publication meta keys in order of trust (lower case).
constexpr std::array<std::string_view, 36> kPublishedMeta{
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article.published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "publication_date",
    "publication-date",
    "pubdate",
    "original-publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "article_date_original",
    "article.created",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "cxenseparse:recs:publishtime",
    "rnews:datepublished",
    "date",
    "displaydate",
    "dc.date.publication",
    "date_published",
    "release_date",
    "created",
    "article:post_date",
    "datecreated",
};

}  // namespace

namespace {

bool plausible(const ArticleDate& d, std::chrono::sys_days today) {
  return d.year >= 1995 && implausible_date_reason(d, today).empty();
}

// A meta or attribute value as a date: the date parser's forms, else the
// first date written in it.
std::optional<ArticleDate> value_date(std::string_view value,
                                      bool month_first) {
  value = trim_space(value);
  if (value.empty()) return std::nullopt;
  if (auto d = parse_date(value)) return d;
  // "2012-12-16T10:00:00.000+0100" and relatives the parser lacks: the day.
  // Machine-written values with slashes are American ("11/01/2023 12:43").
  (void)month_first;
  return find_date_in_text(value, true);
}

bool says_updated(std::string_view ci) {
  return ci.find("modif") != std::string_view::npos ||
         ci.find("updat") != std::string_view::npos ||
         ci.find("comment") != std::string_view::npos;
}

bool says_published(std::string_view ci) {
  for (std::string_view w :
       {"publish", "pubdate", "created", "post-date", "postdate", "entry-date",
        "posted", "article-date", "story-date"}) {
    if (ci.find(w) != std::string_view::npos) return true;
  }
  return false;
}

std::string hints_of(const GumboNode* e) {
  std::string ci = class_and_id(e);
  std::string itemprop(attribute(e, "itemprop"));
  lower_ascii_in_place(itemprop);
  return ci + " " + itemprop;
}

bool date_area_hint(std::string_view ci) {
  for (std::string_view w :
       {"date", "time", "publish", "posted", "byline", "meta", "dateline",
        "entry-header", "post-header", "article-header", "info", "author",
        "submitted", "datum", "fecha", "data"}) {
    if (ci.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// The date a piece of text gives as the publication's, among those
// plausible: the first labelled as the publication, else the first not
// labelled as a change ("Letzte Änderung: 31.10.2023 · Erschienen am:
// 01.11.2023"), else the first.
std::optional<ArticleDate> published_in_text(std::string_view text,
                                             bool month_first, YearDigits years,
                                             std::chrono::sys_days today) {
  std::vector<WrittenDate> dates = find_dates_in_text(text, month_first, years);
  std::erase_if(dates, [today](const WrittenDate& w) {
    return !plausible(w.date, today);
  });
  if (dates.empty()) return std::nullopt;
  for (const WrittenDate& w : dates) {
    if (w.labelled_published) return w.date;
  }
  for (const WrittenDate& w : dates) {
    if (!w.labelled_updated) return w.date;
  }
  return dates.front().date;
}

void spaced_text_into(const GumboNode* node, std::string& out, int depth) {
  if (depth > kMaxTreeDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    append_collapsed(out, node->v.text.text);
    append_collapsed(out, " ");
    return;
  }
  if (!is_element(node) || is_never_text(node)) return;
  const GumboVector& kids = children_of(node);
  for (unsigned i = 0; i < kids.length; ++i)
    spaced_text_into(static_cast<const GumboNode*>(kids.data[i]), out,
                     depth + 1);
}

// A date-marked element's publication date. Its parts may be elements of
// their own with nothing between them ("<span>Apr</span> <span>04</span>
// <span>2013</span>"): then its text is read again with a space between
// any two elements.
std::optional<ArticleDate> date_of_element(const GumboNode* e,
                                           std::string_view text,
                                           bool month_first,
                                           std::chrono::sys_days today) {
  if (auto d =
          published_in_text(text, month_first, YearDigits::kTwoOrFour, today))
    return d;
  std::string spaced;
  spaced_text_into(e, spaced, 0);
  while (!spaced.empty() && spaced.back() == ' ') spaced.pop_back();
  if (spaced == text || spaced.size() > 500) return std::nullopt;
  return published_in_text(spaced, month_first, YearDigits::kTwoOrFour, today);
}

// The text of the few elements before and after the page's first <h1>
// (climbing while the <h1> is alone in its parent), searched for a date.
std::optional<ArticleDate> date_near_headline(const HtmlTree& tree,
                                              bool month_first,
                                              std::chrono::sys_days today) {
  if (!tree.body()) return std::nullopt;
  const GumboNode* h1 = find_first(tree.body(), GUMBO_TAG_H1);
  if (!h1) return std::nullopt;
  // "<h1>Headline<br><small>02.02.2022</small></h1>"
  for (const GumboNode* small :
       {find_first(h1, GUMBO_TAG_SMALL), find_first(h1, GUMBO_TAG_SPAN)}) {
    if (!small) continue;
    std::string text = inline_text(small);
    if (text.size() <= 100) {
      if (auto d = date_of_element(small, text, month_first, today)) return d;
    }
  }
  const GumboNode* anchor = h1;
  while (anchor->parent && is_element(anchor->parent) &&
         children_of(anchor->parent).length <= 3 &&
         tag_of(anchor->parent) != GUMBO_TAG_BODY)
    anchor = anchor->parent;
  const GumboNode* parent = anchor->parent;
  if (!parent) return std::nullopt;
  const GumboVector& kids = children_of(parent);
  int at = static_cast<int>(anchor->index_within_parent);
  // Nearest first: the element after, the one before, then further out.
  for (int distance = 1; distance <= 4; ++distance) {
    for (int index : {at + distance, at - distance}) {
      if (index < 0 || index >= static_cast<int>(kids.length)) continue;
      const GumboNode* k = static_cast<const GumboNode*>(kids.data[index]);
      if (!is_element(k) || is_never_text(k)) continue;
      std::string text = inline_text(k);
      if (text.size() > 300) continue;
      if (auto d = date_of_element(k, text, month_first, today)) return d;
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {

PageDate first_publication_date(const HtmlTree& tree,
                                const PageSignals& signals,
                                std::string_view url,
                                const GumboNode* container,
                                std::chrono::sys_days today) {
  std::string lang = signals.html_lang;
  lower_ascii_in_place(lang);
  bool month_first = lang == "en-us" || lang == "en";
  auto accept = [&](std::optional<ArticleDate> d, const char* where,
                    PageDate& out) {
    if (!d || !plausible(*d, today)) return false;
    out.date = d;
    out.found_in = where;
    return true;
  };
  PageDate found;
  for (const JsonLdArticle& a : signals.json_ld) {
    if (accept(value_date(a.date_published, month_first), "json-ld", found))
      return found;
  }
  for (const JsonLdArticle& a : signals.json_ld) {
    if (accept(value_date(a.date_created, month_first), "json-ld", found))
      return found;
  }
  // A bare <meta name=date> is often the page's last change (TYPO3 and
  // other CMSs write it so): it yields to a <time> marked as published.
  for (std::string_view key : kPublishedMeta) {
    if (key == "date") continue;
    if (accept(value_date(signals.meta_value(key), month_first), "meta", found))
      return found;
  }
  // A video's or a podcast's date: below the page's own publication
  // tags, which an article with an embedded clip has.
  for (const std::string& value : signals.media_dates) {
    if (accept(value_date(value, month_first), "json-ld", found)) return found;
  }
  // Site-specific keys ("five_hundred_pixels:uploaded_at", "dc.date.x"):
  // a key that says published, created, uploaded or date, not modified.
  for (const auto& [key, value] : signals.meta) {
    bool dated = key.find("publish") != std::string::npos ||
                 key.find("created") != std::string::npos ||
                 key.find("uploaded") != std::string::npos ||
                 (key.ends_with("date") && key != "date");
    if (!dated || says_updated(key) || key.find("expir") != std::string::npos)
      continue;
    if (accept(value_date(value, month_first), "meta", found)) return found;
  }
  // <time datetime>, itemprop=datePublished, <abbr class=published title>.
  std::vector<const GumboNode*> stamps;
  collect_elements(
      tree.body() ? tree.body() : tree.root(),
      [](const GumboNode* e) {
        // RDFa writes schema.org's property as property="schema:...".
        std::string_view property = attribute(e, "property");
        return e->v.element.tag == GUMBO_TAG_TIME ||
               attribute(e, "itemprop") == "datePublished" ||
               property.ends_with("datePublished") ||
               property.ends_with("dateCreated") ||
               (e->v.element.tag == GUMBO_TAG_ABBR &&
                has_attribute(e, "title"));
      },
      stamps);
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1 && accept(value_date(signals.meta_value("date"), month_first),
                            "meta", found))
      return found;
    for (const GumboNode* e : stamps) {
      // Its own class and id, its parent's and grandparent's
      // ("meta__row--posted > p > time").
      std::string hints = hints_of(e);
      const GumboNode* up = e;
      for (int level = 0; level < 2 && up->parent && is_element(up->parent);
           ++level) {
        up = up->parent;
        hints += " " + hints_of(up);
      }
      if (says_updated(hints)) continue;
      if (pass == 0 && !says_published(hints)) continue;
      std::string_view value = attribute(e, "datetime");
      if (value.empty()) value = attribute(e, "content");
      if (value.empty() && e->v.element.tag == GUMBO_TAG_ABBR)
        value = attribute(e, "title");
      std::optional<ArticleDate> d = value_date(value, month_first);
      if (!d) d = find_date_in_text(inline_text(e), month_first);
      if (accept(d, "time", found)) return found;
    }
  }
  if (accept(find_date_in_url(url), "url", found)) return found;
  if (accept(find_date_in_url(signals.canonical), "url", found)) return found;
  // The page's own JSON state ("publishedDate" in a review's data).
  for (const std::string& value : signals.script_dates) {
    if (accept(value_date(value, month_first), "script", found)) return found;
  }
  // A date written just before or after the headline.
  if (accept(date_near_headline(tree, month_first, today), "text", found))
    return found;
  // A date written near the headline or byline: elements whose class or id
  // says date, time, byline or meta, first around the article.
  std::vector<const GumboNode*> scopes;
  if (container) {
    const GumboNode* near = container;
    for (int up = 0; up < 3 && near->parent && is_element(near->parent); ++up)
      near = near->parent;
    scopes.push_back(near);
  }
  if (tree.body()) scopes.push_back(tree.body());
  for (const GumboNode* scope : scopes) {
    std::vector<const GumboNode*> areas;
    collect_elements(
        scope,
        [](const GumboNode* e) {
          if (is_never_text(e)) return false;
          std::string ci = hints_of(e);
          return date_area_hint(ci) && !says_updated(ci);
        },
        areas);
    for (const GumboNode* e : areas) {
      std::string text = inline_text(e);
      if (text.size() > 400) continue;
      if (accept(date_of_element(e, text, month_first, today), "text", found))
        return found;
    }
  }
  if (container) {
    std::string text = inline_text(container);
    if (text.size() > 600) text.resize(600);
    if (accept(published_in_text(text, month_first, YearDigits::kFour, today),
               "text", found))
      return found;
  }
  // Last, the first date the page's text writes anywhere ("Erschienen am
  // 01.11.2023" in a footer): a guess, but a page with no other date has
  // nothing better.
  if (tree.body()) {
    std::string text = inline_text(tree.body());
    // The first 16 dates of the first 20,000 bytes: past those, a page of
    // implausible dates (an events page) has none of its own.
    if (text.size() > 20000) text.resize(20000);
    if (accept(published_in_text(text, month_first, YearDigits::kFour, today),
               "page", found))
      return found;
  }
  return found;
}

using Seconds = std::chrono::sys_seconds;

Seconds instant_of(const ArticleDate& d) {
  auto day = std::chrono::sys_days{std::chrono::year{d.year} /
                                   std::chrono::month{d.month} /
                                   std::chrono::day{d.day}};
  return Seconds{day} + std::chrono::hours{d.hour} +
         std::chrono::minutes{d.minute - d.utc_offset_minutes} +
         std::chrono::seconds{d.second};
}

// `d`'s instant as the date and time at `offset_minutes` from UTC.
ArticleDate at_offset(const ArticleDate& d, int offset_minutes) {
  Seconds local = instant_of(d) + std::chrono::minutes{offset_minutes};
  auto day = std::chrono::floor<std::chrono::days>(local);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss tod{local - day};
  ArticleDate out = d;
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<unsigned>(ymd.month());
  out.day = static_cast<unsigned>(ymd.day());
  out.hour = static_cast<int>(tod.hours().count());
  out.minute = static_cast<int>(tod.minutes().count());
  out.second = static_cast<int>(tod.seconds().count());
  out.utc_offset_minutes = offset_minutes;
  return out;
}

// Another time stamp of the page with a UTC offset other than zero, within
// a day and a half of `d`'s instant: the publisher's own offset.
std::optional<int> publisher_offset(const HtmlTree& tree,
                                    const PageSignals& signals,
                                    const ArticleDate& d) {
  std::vector<std::string> values;
  for (const auto& [key, value] : signals.meta) values.push_back(value);
  for (const JsonLdArticle& a : signals.json_ld) {
    values.push_back(a.date_published);
    values.push_back(a.date_modified);
  }
  std::vector<const GumboNode*> times;
  collect_elements(
      tree.document(),
      [](const GumboNode* e) { return e->v.element.tag == GUMBO_TAG_TIME; },
      times);
  for (const GumboNode* t : times)
    values.emplace_back(attribute(t, "datetime"));
  Seconds at = instant_of(d);
  for (const std::string& v : values) {
    if (v.size() < 16 || v.size() > 40 || v[4] != '-') continue;
    std::optional<ArticleDate> other = parse_date(v);
    if (!other || other->precision != DatePrecision::kTime ||
        other->utc_offset_minutes == 0)
      continue;
    auto apart = instant_of(*other) - at;
    if (apart < std::chrono::hours{36} && apart > -std::chrono::hours{36})
      return other->utc_offset_minutes;
  }
  return std::nullopt;
}

}  // namespace

PageDate find_publication_date(const HtmlTree& tree, const PageSignals& signals,
                               std::string_view url, const GumboNode* container,
                               std::chrono::sys_days today) {
  PageDate found = first_publication_date(tree, signals, url, container, today);
  // A time stamp in UTC is often not the publisher's day: a story posted at
  // 21:00 in New York is stamped 02:00Z the next day. The publisher's day
  // is the URL's when that is one day off, else the day at the offset
  // another of the page's time stamps shows.
  if (!found.date || found.date->precision != DatePrecision::kTime ||
      found.date->utc_offset_minutes != 0)
    return found;
  std::optional<ArticleDate> in_url = find_date_in_url(url);
  if (!in_url) in_url = find_date_in_url(signals.canonical);
  if (in_url) {
    auto days = [](const ArticleDate& d) {
      return std::chrono::sys_days{std::chrono::year{d.year} /
                                   std::chrono::month{d.month} /
                                   std::chrono::day{d.day}};
    };
    auto apart = days(*found.date) - days(*in_url);
    if (apart == std::chrono::days{1} || apart == std::chrono::days{-1}) {
      // The instant kept, at the nearest offset that lands on the URL's
      // day, among those in use: UTC-10 (Hawaii) to UTC+14. A stamp no such
      // offset moves there keeps its own day (the URL's is then the day
      // the story was filed, not published).
      int sign = apart.count() > 0 ? -1 : 1;
      int most = apart.count() > 0 ? 10 : 14;
      for (int hours = 1; hours <= most; ++hours) {
        ArticleDate local = at_offset(*found.date, sign * hours * 60);
        if (local.day == in_url->day) {
          found.date = local;
          return found;
        }
      }
      return found;
    }
  }
  if (auto offset = publisher_offset(tree, signals, *found.date))
    found.date = at_offset(*found.date, *offset);
  return found;
}

}  // namespace newsdex
