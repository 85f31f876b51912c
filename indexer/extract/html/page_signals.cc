// Collecting <meta>, <link>, <a rel=author> and JSON-LD from the tree.
#include "indexer/extract/html/page_signals.h"

#include <algorithm>

#include "common/json_parse.h"
#include "common/text_utf8.h"

namespace newsdex {
namespace {

using nlohmann::json;

std::string string_of(const json& v) {
  if (v.is_string()) return std::string(trim_space(v.get<std::string>()));
  if (v.is_number()) return v.dump();
  return "";
}

// A name, or the names, of a person or organisation value: "Jane Doe",
// {"name": ...}, or an array of those.
void names_of(const json& v, std::vector<std::string>& out) {
  if (v.is_string()) {
    std::string s = string_of(v);
    if (!s.empty()) out.push_back(s);
  } else if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end()) names_of(*it, out);
  } else if (v.is_array()) {
    for (const json& item : v) names_of(item, out);
  }
}

std::string type_of(const json& object) {
  auto it = object.find("@type");
  if (it == object.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array()) {
    for (const json& t : *it) {
      if (t.is_string()) return t.get<std::string>();
    }
  }
  return "";
}

bool is_article_type(std::string_view type) {
  return type.ends_with("Article") || type == "BlogPosting" ||
         type == "LiveBlogPosting" || type == "SocialMediaPosting" ||
         type == "Report" || type == "Posting" ||
         type == "DiscussionForumPosting";
}
bool is_page_type(std::string_view type) {
  return type.ends_with("WebPage") || type == "ItemPage";
}

void walk_json_ld(const json& v, std::vector<JsonLdArticle>& articles,
                  std::vector<JsonLdArticle>& pages,
                  std::vector<std::string>& media_dates, int depth) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const json& item : v)
      walk_json_ld(item, articles, pages, media_dates, depth + 1);
    return;
  }
  if (!v.is_object()) return;
  if (auto graph = v.find("@graph"); graph != v.end())
    walk_json_ld(*graph, articles, pages, media_dates, depth + 1);
  std::string type = type_of(v);
  bool article = is_article_type(type);
  if (type == "VideoObject" || type == "AudioObject") {
    // uploadDate is schema.org's datePublished for media: only the date is
    // taken (its name and author are the clip's).
    std::string date = string_of(v.value("datePublished", json()));
    if (date.empty()) date = string_of(v.value("uploadDate", json()));
    if (!date.empty()) media_dates.push_back(std::move(date));
    return;
  }
  if (!article && !is_page_type(type)) {
    // An article can hang below a page ("mainEntity").
    if (auto main = v.find("mainEntity"); main != v.end())
      walk_json_ld(*main, articles, pages, media_dates, depth + 1);
    return;
  }
  JsonLdArticle a;
  a.type = type;
  auto get = [&v](const char* key) {
    auto it = v.find(key);
    return it == v.end() ? std::string() : string_of(*it);
  };
  a.headline = get("headline");
  if (a.headline.empty() && article) a.headline = get("name");
  a.date_published = get("datePublished");
  a.date_created = get("dateCreated");
  a.date_modified = get("dateModified");
  a.language = get("inLanguage");
  a.url = get("url");
  if (auto it = v.find("author"); it != v.end()) names_of(*it, a.authors);
  if (a.authors.empty()) {
    if (auto it = v.find("creator"); it != v.end()) names_of(*it, a.authors);
  }
  if (auto it = v.find("publisher"); it != v.end()) {
    std::vector<std::string> names;
    names_of(*it, names);
    if (!names.empty()) a.publisher = names.front();
  }
  (article ? articles : pages).push_back(std::move(a));
  if (auto main = v.find("mainEntity"); main != v.end())
    walk_json_ld(*main, articles, pages, media_dates, depth + 1);
}

// Script text as JSON: CMS templates wrap it in HTML comments or CDATA
// markers and leave raw line breaks inside strings; those are undone here
// so the JSON parser accepts what browsers and search engines accept.
std::string json_ld_text(std::string_view raw) {
  std::string s(trim_space(raw));
  for (std::string_view wrapper : {"<!--", "//<![CDATA[", "<![CDATA["}) {
    if (std::string_view(s).starts_with(wrapper)) s.erase(0, wrapper.size());
  }
  for (std::string_view wrapper : {"-->", "//]]>", "]]>"}) {
    std::string_view t = trim_space(s);
    if (t.ends_with(wrapper))
      s = std::string(t.substr(0, t.size() - wrapper.size()));
  }
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

// Whether a script's key names a publication date, not a change.
bool is_publication_key(std::string key) {
  lower_ascii_in_place(key);
  bool published = key.find("publish") != std::string::npos ||
                   key.find("publication") != std::string::npos ||
                   key == "pubdate" || key == "pub_date";
  return published && key.find("modif") == std::string::npos &&
         key.find("updat") == std::string::npos &&
         key.find("expir") == std::string::npos &&
         key.find("unpublish") == std::string::npos;
}

// Adds to `out` the ISO dates that a script gives publication keys:
// "publishedDate":"2016-11-04T20:37:27Z", also inside a JSON string
// (\"published_at\":\"2019-01-30\").
void collect_script_dates(std::string_view raw, std::vector<std::string>& out) {
  constexpr std::size_t kMostDates = 4;
  for (std::size_t at = raw.find("ubli");
       at != std::string_view::npos && out.size() < kMostDates;
       at = raw.find("ubli", at + 4)) {
    std::size_t open = raw.rfind('"', at);
    if (open == std::string_view::npos || at - open > 24) continue;
    std::size_t close = raw.find('"', at);
    if (close == std::string_view::npos || close - open > 40) continue;
    std::string_view key = raw.substr(open + 1, close - open - 1);
    if (key.ends_with('\\')) key.remove_suffix(1);
    if (!is_publication_key(std::string(key))) continue;
    std::size_t i = close + 1;
    auto skip = [&](std::string_view chars) {
      while (i < raw.size() && chars.find(raw[i]) != std::string_view::npos)
        ++i;
    };
    skip(" \t");
    if (i >= raw.size() || raw[i] != ':') continue;
    ++i;
    skip(" \t\\");
    if (i >= raw.size() || raw[i] != '"') continue;
    std::size_t begin = i + 1;
    std::size_t end = raw.find_first_of("\"\\", begin);
    if (end == std::string_view::npos || end - begin > 40 || end - begin < 10)
      continue;
    std::string_view value = raw.substr(begin, end - begin);
    bool iso = value[4] == '-' &&
               std::all_of(value.begin(), value.begin() + 4,
                           [](char c) { return c >= '0' && c <= '9'; });
    if (iso) out.emplace_back(value);
  }
}

}  // namespace

std::string_view PageSignals::meta_value(std::string_view key) const {
  for (const auto& [k, v] : meta) {
    if (k == key && !v.empty()) return v;
  }
  return {};
}

PageSignals read_page_signals(const HtmlTree& tree) {
  PageSignals signals;
  signals.html_lang = std::string(trim_space(attribute(tree.root(), "lang")));
  if (signals.html_lang.empty())
    signals.html_lang =
        std::string(trim_space(attribute(tree.root(), "xml:lang")));
  std::vector<const GumboNode*> elements;
  collect_elements(
      tree.document(),
      [](const GumboNode* e) {
        GumboTag t = e->v.element.tag;
        return t == GUMBO_TAG_META || t == GUMBO_TAG_LINK ||
               t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_A;
      },
      elements);
  std::vector<JsonLdArticle> articles, pages;
  for (const GumboNode* e : elements) {
    switch (e->v.element.tag) {
      case GUMBO_TAG_META: {
        std::string_view content = attribute(e, "content");
        if (content.empty()) content = attribute(e, "datetime");
        for (const char* key_attr :
             {"property", "name", "itemprop", "http-equiv"}) {
          std::string key(trim_space(attribute(e, key_attr)));
          if (key.empty()) continue;
          lower_ascii_in_place(key);
          signals.meta.emplace_back(key, std::string(trim_space(content)));
        }
        break;
      }
      case GUMBO_TAG_LINK: {
        std::string rel(attribute(e, "rel"));
        lower_ascii_in_place(rel);
        if (rel == "canonical" && signals.canonical.empty())
          signals.canonical = std::string(trim_space(attribute(e, "href")));
        break;
      }
      case GUMBO_TAG_A: {
        std::string rel(attribute(e, "rel"));
        lower_ascii_in_place(rel);
        if (rel == "author") {
          std::string name = inline_text(e);
          if (!name.empty() && name.size() < 80)
            signals.rel_authors.push_back(name);
        }
        break;
      }
      case GUMBO_TAG_SCRIPT: {
        std::string type(attribute(e, "type"));
        lower_ascii_in_place(type);
        const GumboVector& kids = e->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) {
          auto* k = static_cast<const GumboNode*>(kids.data[i]);
          if (k->type == GUMBO_NODE_TEXT)
            collect_script_dates(k->v.text.text, signals.script_dates);
        }
        if (type != "application/ld+json") break;
        std::string raw;
        for (unsigned i = 0; i < kids.length; ++i) {
          auto* k = static_cast<const GumboNode*>(kids.data[i]);
          if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE)
            raw += k->v.text.text;
        }
        std::string text = json_ld_text(raw);
        std::string error;
        auto parsed = parse_json_text(text, error);
        // Hand-written JSON-LD often closes one brace too many; search
        // engines read it all the same.
        for (int extra = 0; !parsed && extra < 3 && text.ends_with('}');
             ++extra) {
          text.pop_back();
          while (!text.empty() && text.back() == ' ') text.pop_back();
          parsed = parse_json_text(text, error);
        }
        if (parsed)
          walk_json_ld(*parsed, articles, pages, signals.media_dates, 0);
        break;
      }
      default:
        break;
    }
  }
  signals.json_ld = std::move(articles);
  for (auto& p : pages) signals.json_ld.push_back(std::move(p));
  return signals;
}

}  // namespace newsdex
