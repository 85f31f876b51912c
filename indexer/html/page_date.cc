// Publication dates from meta data, <time>, the URL and written dates.
#include "indexer/html/page_date.h"

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

int folded_month(const std::string& word) {
  static const std::unordered_map<std::string, int> kMonths = [] {
    std::unordered_map<std::string, int> m;
    auto add = [&m](int month, std::initializer_list<const char*> names) {
      for (const char* n : names) m.emplace(n, month);
    };
    add(1, {"january", "jan", "januar", "jänner", "janvier", "janv", "enero",
            "gennaio", "janeiro", "januari", "ocak", "января", "январь",
            "січня", "січень", "stycznia", "ene"});
    add(2, {"february", "feb", "februar", "février", "fevrier", "févr",
            "febrero", "febbraio", "fevereiro", "februari", "şubat", "февраля",
            "февраль", "лютого", "лютий", "lutego"});
    add(3, {"march", "mar", "märz", "mars", "marzo", "março", "maart", "mart",
            "марта", "март", "березня", "березень", "marca", "mär"});
    add(4, {"april", "apr", "avril", "abril", "aprile", "nisan", "апреля",
            "апрель", "квітня", "квітень", "kwietnia", "avr"});
    add(5, {"may", "mai", "mayo", "maggio", "maio", "mei", "mayıs", "мая",
            "май", "травня", "травень", "maja"});
    add(6, {"june", "jun", "juni", "juin", "junio", "giugno", "junho",
            "haziran", "июня", "июнь", "червня", "червень", "czerwca"});
    add(7, {"july", "jul", "juli", "juillet", "julio", "luglio", "julho",
            "temmuz", "июля", "июль", "липня", "липень", "lipca", "juil"});
    add(8, {"august", "aug", "août", "aout", "agosto", "augustus", "ağustos",
            "августа", "август", "серпня", "серпень", "sierpnia"});
    add(9, {"september", "sep", "sept", "septembre", "septiembre", "setiembre",
            "settembre", "setembro", "eylül", "сентября", "сентябрь", "вересня",
            "вересень", "września"});
    add(10, {"october", "oct", "oktober", "octobre", "octubre", "ottobre",
             "outubro", "ekim", "октября", "октябрь", "жовтня", "жовтень",
             "października", "okt"});
    add(11, {"november", "nov", "novembre", "noviembre", "novembro", "kasım",
             "ноября", "ноябрь", "листопада", "листопад", "listopada"});
    add(12, {"december", "dec", "dezember", "décembre", "decembre", "diciembre",
             "dicembre", "dezembro", "aralık", "декабря", "декабрь", "грудня",
             "грудень", "grudnia", "dez", "déc"});
    return m;
  }();
  auto it = kMonths.find(word);
  return it == kMonths.end() ? 0 : it->second;
}

struct Token {
  std::string text;  // digits, or a folded word
  bool number = false;
  char sep = 0;  // the one punctuation character right after it, if any
};

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

std::vector<Token> tokenize_dates(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t start = i;
    Token t;
    if (c >= '0' && c <= '9') {
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
      t.number = true;
      t.text = std::string(text.substr(start, i - start));
    } else if (is_word_byte(c)) {
      while (i < text.size() &&
             is_word_byte(static_cast<unsigned char>(text[i])))
        ++i;
      t.text = fold_case(text.substr(start, i - start));
    } else {
      ++i;
      continue;
    }
    if (i < text.size()) {
      char p = text[i];
      if (p == '.' || p == '/' || p == '-' || p == ',') t.sep = p;
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

std::optional<ArticleDate> make_day(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 ||
      day > 31)
    return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return parse_date(buf);
}

int number_of(const Token& t, std::size_t max_digits) {
  if (!t.number || t.text.size() > max_digits) return -1;
  return std::stoi(t.text);
}

bool is_ordinal_suffix(const Token& t) {
  return !t.number && (t.text == "st" || t.text == "nd" || t.text == "rd" ||
                       t.text == "th" || t.text == "er" || t.text == "de");
}

}  // namespace

std::optional<ArticleDate> find_date_in_text(std::string_view text,
                                             bool month_first) {
  std::vector<Token> t = tokenize_dates(text);
  for (std::size_t i = 0; i < t.size(); ++i) {
    auto at = [&t](std::size_t k) -> const Token* {
      return k < t.size() ? &t[k] : nullptr;
    };
    // Numeric: 2025-06-02, 2025/06/02, 02.06.2025, 6/2/2025.
    if (t[i].number && t[i].sep && at(i + 2) && t[i + 1].number &&
        t[i + 1].sep == t[i].sep && t[i + 2].number) {
      int a = std::stoi(t[i].text.substr(0, 6));
      int b = number_of(t[i + 1], 2);
      if (t[i].text.size() == 4) {
        int d = number_of(t[i + 2], 2);
        if (auto date = make_day(a, b, d)) return date;
      } else if (t[i].text.size() <= 2 && t[i + 2].text.size() == 4) {
        int y = std::stoi(t[i + 2].text);
        // Day first with dots (02.06.2025) and dashes; with slashes as
        // the page's language writes them.
        bool mdy = month_first && t[i].sep == '/';
        if (a > 12) mdy = false;
        if (b > 12) mdy = true;
        auto date = mdy ? make_day(y, a, b) : make_day(y, b, a);
        if (date) return date;
      }
      continue;
    }
    if (!t[i].number) {
      // June 2, 2025 / June 2nd 2025 / Jun. 2 2025.
      int m = folded_month(t[i].text);
      if (m && at(i + 1) && t[i + 1].number) {
        int d = number_of(t[i + 1], 2);
        std::size_t k = i + 2;
        if (at(k) && is_ordinal_suffix(t[k])) ++k;
        if (at(k) && t[k].number && t[k].text.size() == 4) {
          if (auto date = make_day(std::stoi(t[k].text), m, d)) return date;
        }
      }
      continue;
    }
    // 2 June 2025 / 2. Juni 2025 / 2 de junio de 2025 / 2nd June, 2025.
    int d = number_of(t[i], 2);
    if (d < 1) continue;
    std::size_t k = i + 1;
    if (at(k) && is_ordinal_suffix(t[k])) ++k;
    if (!at(k) || t[k].number) continue;
    int m = folded_month(t[k].text);
    if (!m) continue;
    ++k;
    if (at(k) && t[k].text == "de") ++k;
    if (at(k) && t[k].number && t[k].text.size() == 4) {
      if (auto date = make_day(std::stoi(t[k].text), m, d)) return date;
    }
  }
  return std::nullopt;
}

std::optional<ArticleDate> find_date_in_url(std::string_view url) {
  std::size_t scheme = url.find("://");
  std::size_t path =
      url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  std::string_view p = url.substr(path);
  std::vector<std::pair<std::string_view, char>> numbers;  // digits, sep before
  for (std::size_t i = 0; i < p.size();) {
    if (p[i] >= '0' && p[i] <= '9') {
      std::size_t s = i;
      while (i < p.size() && p[i] >= '0' && p[i] <= '9') ++i;
      char before = s > 0 ? p[s - 1] : 0;
      char after = i < p.size() ? p[i] : 0;
      numbers.emplace_back(p.substr(s, i - s), before);
      // An 8-digit run set off by separators: /20250602/.
      std::string_view run = p.substr(s, i - s);
      if (run.size() == 8 &&
          (before == '/' || before == '-' || before == '_') &&
          (after == '/' || after == '-' || after == '_' || after == '.' ||
           after == 0)) {
        int y = std::stoi(std::string(run.substr(0, 4)));
        int m = std::stoi(std::string(run.substr(4, 2)));
        int d = std::stoi(std::string(run.substr(6, 2)));
        if (y >= 1995) {
          if (auto date = make_day(y, m, d)) return date;
        }
      }
    } else {
      ++i;
    }
  }
  for (std::size_t i = 0; i + 2 < numbers.size(); ++i) {
    auto [y, ys] = numbers[i];
    auto [m, ms] = numbers[i + 1];
    auto [d, ds] = numbers[i + 2];
    if (y.size() != 4 || m.size() > 2 || d.size() > 2) continue;
    if ((ys != '/' && ys != '-' && ys != '_') || ms != ys || ds != ys) continue;
    int year = std::stoi(std::string(y));
    if (year < 1995) continue;
    if (auto date = make_day(year, std::stoi(std::string(m)),
                             std::stoi(std::string(d))))
      return date;
  }
  return std::nullopt;
}

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

// The text of the few elements before and after the page's first <h1>
// (climbing while the <h1> is alone in its parent), searched for a date.
std::optional<ArticleDate> date_near_headline(const HtmlTree& tree,
                                              bool month_first) {
  if (!tree.body()) return std::nullopt;
  const GumboNode* h1 = find_first(tree.body(), GUMBO_TAG_H1);
  if (!h1) return std::nullopt;
  // "<h1>Headline<br><small>02.02.2022</small></h1>"
  for (const GumboNode* small :
       {find_first(h1, GUMBO_TAG_SMALL), find_first(h1, GUMBO_TAG_SPAN)}) {
    if (!small) continue;
    std::string text = inline_text(small);
    if (text.size() <= 100) {
      if (auto d = find_date_in_text(text, month_first)) return d;
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
      if (auto d = find_date_in_text(text, month_first)) return d;
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
  for (std::string_view key : kPublishedMeta) {
    if (accept(value_date(signals.meta_value(key), month_first), "meta", found))
      return found;
  }
  // Site-specific keys ("five_hundred_pixels:uploaded_at", "dc.date.x"):
  // a key that says published, created, uploaded or date, not modified.
  for (const auto& [key, value] : signals.meta) {
    bool dated = key.find("publish") != std::string::npos ||
                 key.find("created") != std::string::npos ||
                 key.find("uploaded") != std::string::npos ||
                 key.ends_with("date");
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
  std::optional<ArticleDate> first_time;
  for (int pass = 0; pass < 2; ++pass) {
    for (const GumboNode* e : stamps) {
      std::string hints = hints_of(e);
      if (e->parent && is_element(e->parent))
        hints += " " + hints_of(e->parent);
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
  // A date written just before or after the headline.
  if (accept(date_near_headline(tree, month_first), "text", found))
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
      if (accept(find_date_in_text(text, month_first), "text", found))
        return found;
    }
  }
  if (container) {
    std::string text = inline_text(container);
    if (text.size() > 600) text.resize(600);
    if (accept(find_date_in_text(text, month_first), "text", found))
      return found;
  }
  // Last, the first date the page's text writes anywhere ("Erschienen am
  // 01.11.2023" in a footer): a guess, but a page with no other date has
  // nothing better.
  if (tree.body()) {
    std::string text = inline_text(tree.body());
    std::string_view rest = text;
    // Past a few implausible dates (an events page), the page has none.
    for (int tries = 0; tries < 10 && !rest.empty(); ++tries) {
      std::optional<ArticleDate> d =
          find_date_in_text(rest.substr(0, 20000), month_first);
      if (!d) break;
      if (accept(d, "page", found)) return found;
      // An implausible date (in the future): look past it.
      rest.remove_prefix(std::min(rest.size(), std::size_t{1}));
      std::size_t year = rest.find(std::to_string(d->year));
      if (year == std::string_view::npos) break;
      rest.remove_prefix(year + 4);
    }
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
      int offset = apart.count() > 0 ? -12 * 60 : 12 * 60;
      // The instant kept, at an offset that lands on the URL's day.
      for (int minutes : {offset / 2, offset}) {
        ArticleDate local = at_offset(*found.date, minutes);
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
