// Title, source, author, URL and language rules over the page's signals.
#include "indexer/extract/html/page_metadata.h"

#include <algorithm>
#include <array>

#include "common/source_name.h"
#include "common/text_utf8.h"
#include "indexer/extract/byline.h"

namespace newsdex {
namespace {

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Whether `part` names the site: its key equals or contains the site's.
bool names_site(std::string_view part, std::string_view site) {
  if (site.empty()) return false;
  std::string a = source_key(part), b = source_key(site);
  if (a.empty() || b.empty()) return false;
  return a == b || a.find(b) != std::string::npos ||
         b.find(a) != std::string::npos;
}

}  // namespace

std::string strip_site_suffix(std::string_view title, std::string_view site) {
  std::string t(trim_space(title));
  static constexpr std::array<std::string_view, 7> kSeparators{
      " | ", " - ", " – ", " — ", " :: ", " · ", " » "};
  for (std::string_view sep : kSeparators) {
    std::size_t last = t.rfind(sep);
    if (last != std::string::npos) {
      std::string_view head = std::string_view(t).substr(0, last);
      std::string_view tail = std::string_view(t).substr(last + sep.size());
      if (names_site(tail, site) ||
          (word_count(tail) <= 4 && word_count(head) > word_count(tail) + 1))
        return strip_site_suffix(head, site);
    }
    std::size_t first = t.find(sep);
    if (first != std::string::npos) {
      std::string_view head = std::string_view(t).substr(0, first);
      std::string_view tail = std::string_view(t).substr(first + sep.size());
      if (names_site(head, site)) return std::string(trim_space(tail));
    }
  }
  return t;
}

std::string page_title(const HtmlTree& tree, const PageSignals& signals,
                       std::string_view site) {
  std::vector<std::string> candidates;
  candidates.emplace_back(signals.meta_value("og:title"));
  for (const JsonLdArticle& a : signals.json_ld)
    candidates.push_back(a.headline);
  candidates.emplace_back(signals.meta_value("twitter:title"));
  if (const GumboNode* body = tree.body()) {
    if (const GumboNode* h1 = find_first(body, GUMBO_TAG_H1))
      candidates.push_back(inline_text(h1));
  }
  if (const GumboNode* head = tree.head()) {
    // <title> is never text in the body, so its children are read here.
    if (const GumboNode* t = find_first(head, GUMBO_TAG_TITLE)) {
      std::string text;
      const GumboVector& kids = children_of(t);
      for (unsigned i = 0; i < kids.length; ++i) {
        const GumboNode* k = child_at(t, i);
        if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE)
          append_collapsed(text, k->v.text.text);
      }
      candidates.emplace_back(trim_space(text));
    }
  }
  for (const std::string& c : candidates) {
    std::string title = strip_site_suffix(c, site);
    if (title.empty() || title.size() > 400) continue;
    if (!site.empty() && source_key(title) == source_key(site)) continue;
    return title;
  }
  return "";
}

std::string page_source(const PageSignals& signals, std::string_view url) {
  std::string_view name = signals.meta_value("og:site_name");
  if (!name.empty()) return std::string(name);
  for (const JsonLdArticle& a : signals.json_ld) {
    if (!a.publisher.empty()) return a.publisher;
  }
  name = signals.meta_value("application-name");
  if (!name.empty()) return std::string(name);
  return site_of_url(url);
}

namespace {

bool usable_author(std::string_view name, std::string_view source) {
  if (name.empty() || name.size() > 100) return false;
  if (name.find("://") != std::string_view::npos || name.starts_with("www.") ||
      name.find('@') != std::string_view::npos)
    return false;
  return source.empty() || source_key(name) != source_key(source);
}

std::string without_by(std::string_view name) {
  name = trim_space(name);
  for (std::string_view by : {"By ", "by ", "BY "}) {
    if (name.starts_with(by)) name.remove_prefix(by.size());
  }
  return std::string(trim_space(name));
}

// "A, B and C" in one meta value: the byline reader's split when it reads
// it as names, else the value as one name.
std::vector<std::string> split_author_list(std::string_view value) {
  std::string line = without_by(value);
  Byline b = find_byline("By " + line + "\n");
  if (!b.authors.empty()) return b.authors;
  return {line};
}

void add_unique(std::vector<std::string>& out, std::string name,
                std::string_view source) {
  name = without_by(name);
  if (!usable_author(name, source)) return;
  for (const std::string& n : out) {
    if (fold_case(n) == fold_case(name)) return;
  }
  out.push_back(std::move(name));
}

}  // namespace

std::vector<std::string> page_authors(const HtmlTree& tree,
                                      const PageSignals& signals,
                                      const GumboNode* container,
                                      std::string_view source) {
  std::vector<std::string> authors;
  for (const JsonLdArticle& a : signals.json_ld) {
    for (const std::string& name : a.authors) add_unique(authors, name, source);
    if (!authors.empty()) return authors;
  }
  for (std::string_view key :
       {"author", "article:author", "parsely-author", "sailthru.author",
        "dc.creator", "byl", "dcterms.creator", "citation_author"}) {
    for (const auto& [k, v] : signals.meta) {
      if (k != key) continue;
      for (std::string& name : split_author_list(v))
        add_unique(authors, std::move(name), source);
    }
    if (!authors.empty()) return authors;
  }
  for (const std::string& name : signals.rel_authors)
    add_unique(authors, name, source);
  if (!authors.empty()) return authors;
  // A byline element near the article.
  const GumboNode* scope = container ? container : tree.body();
  for (int up = 0;
       scope && up < 3 && scope->parent && is_element(scope->parent); ++up)
    scope = scope->parent;
  if (!scope) return authors;
  std::vector<const GumboNode*> bylines;
  collect_elements(
      scope,
      [](const GumboNode* e) {
        std::string ci = class_and_id(e);
        std::string_view rel = attribute(e, "rel");
        std::string_view itemprop = attribute(e, "itemprop");
        return ci.find("byline") != std::string::npos ||
               ci.find("author") != std::string::npos || itemprop == "author" ||
               rel == "author";
      },
      bylines);
  for (const GumboNode* e : bylines) {
    std::string text = inline_text(e);
    if (text.empty() || text.size() > 300) continue;
    Byline b = find_byline(text + "\n");
    if (b.authors.empty()) b = find_byline("By " + without_by(text) + "\n");
    for (std::string& name : b.authors) add_unique(authors, name, source);
    if (!authors.empty()) return authors;
  }
  return authors;
}

std::string page_url(const PageSignals& signals, std::string_view url) {
  std::string found = signals.canonical;
  if (found.empty()) found = std::string(signals.meta_value("og:url"));
  if (found.empty()) {
    for (const JsonLdArticle& a : signals.json_ld) {
      if (!a.url.empty()) {
        found = a.url;
        break;
      }
    }
  }
  if (found.empty()) return std::string(url);
  if (found.starts_with("//")) {
    std::size_t colon = url.find("://");
    std::string scheme = colon == std::string_view::npos
                             ? "https"
                             : std::string(url.substr(0, colon));
    return scheme + ":" + found;
  }
  if (found.starts_with("/")) {
    std::size_t colon = url.find("://");
    if (colon == std::string_view::npos) return std::string(url);
    std::size_t path = url.find('/', colon + 3);
    return std::string(url.substr(0, path)) + found;
  }
  if (found.find("://") == std::string::npos) return std::string(url);
  return found;
}

std::string page_language(const PageSignals& signals) {
  std::string value = signals.html_lang;
  if (value.empty()) value = std::string(signals.meta_value("og:locale"));
  if (value.empty())
    value = std::string(signals.meta_value("content-language"));
  if (value.empty()) value = std::string(signals.meta_value("language"));
  if (value.empty()) {
    for (const JsonLdArticle& a : signals.json_ld) {
      if (!a.language.empty()) {
        value = a.language;
        break;
      }
    }
  }
  value = std::string(trim_space(value));
  lower_ascii_in_place(value);
  std::size_t end = value.find_first_of("-_,; ");
  value = value.substr(0, end);
  if (value.size() < 2 || value.size() > 3) return "";
  for (char c : value) {
    if (c < 'a' || c > 'z') return "";
  }
  return value;
}

}  // namespace newsdex
