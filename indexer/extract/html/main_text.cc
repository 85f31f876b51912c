// Main text extraction: Readability's paragraph scoring and sibling
// merging, trafilatura's preference for the page's own body markup, then a
// pruning walk over the chosen body that drops boilerplate blocks.
#include "indexer/extract/html/main_text.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/text_utf8.h"
#include "indexer/extract/html/block_hints.h"

namespace newsdex {
namespace {

// Visible text per element, in characters (code points, spaces aside).
struct TextStats {
  int chars = 0;
  int link_chars = 0;
  int commas = 0;
  bool has_block_child = false;
};

int count_chars(std::string_view text, int& commas) {
  int n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ',') ++commas;
    if (c == 0xEF && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xBC &&
        static_cast<unsigned char>(text[i + 2]) == 0x8C)
      ++commas;  // the full-width comma
    if ((c & 0xC0) == 0x80 || c <= ' ') continue;
    ++n;
  }
  return n;
}

struct Paragraph {
  std::string text;
  int chars = 0;
  int link_chars = 0;
  GumboTag tag = GUMBO_TAG_P;  // the block element it came from
};

class Extractor {
 public:
  explicit Extractor(const HtmlTree& tree) : tree_(tree) {}

  MainText run(const std::string& title) {
    const GumboNode* body = tree_.body();
    if (!body) return {};
    body_chars_ = measure(body, false, 0).chars;
    MainText result = attempt(body, title);
    // As Readability does: when passing over unlikely-looking blocks leaves
    // little text, the page's class names misled, and it is read again
    // without them.
    int commas = 0;
    if (count_chars(result.text, commas) < kMinArticleChars) {
      scores_.clear();
      strip_unlikely_ = false;
      MainText again = attempt(body, title);
      if (count_chars(again.text, commas) > count_chars(result.text, commas))
        result = std::move(again);
    }
    return result;
  }

 private:
  // Readability's threshold for a successful pass.
  static constexpr int kMinArticleChars = 500;

  MainText attempt(const GumboNode* body, const std::string& title) {
    score_paragraphs(body, false, 0);
    std::vector<const GumboNode*> roots = choose_roots(body);
    MainText result;
    if (roots.empty()) return result;
    result.container = roots.size() == 1 ? roots[0] : roots[0]->parent;
    root_chars_ = 0;
    for (const GumboNode* r : roots) root_chars_ += stats_[r].chars;
    std::vector<Paragraph> paragraphs;
    for (const GumboNode* r : roots) {
      Paragraph p;
      emit(r, paragraphs, p, 0);
      flush(paragraphs, p);
    }
    result.text = join(filter(std::move(paragraphs), title));
    return result;
  }

  // Fills stats_ for `node`'s subtree; returns its stats.
  TextStats measure(const GumboNode* node, bool in_link, int depth) {
    TextStats s;
    if (depth > kMaxTreeDepth) return s;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      s.chars = count_chars(node->v.text.text, s.commas);
      if (in_link) s.link_chars = s.chars;
      return s;
    }
    if (!is_element(node) || is_never_text(node)) return s;
    bool link = in_link || node->v.element.tag == GUMBO_TAG_A;
    const GumboVector& kids = children_of(node);
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* kid = static_cast<const GumboNode*>(kids.data[i]);
      TextStats k = measure(kid, link, depth + 1);
      s.chars += k.chars;
      s.link_chars += k.link_chars;
      s.commas += k.commas;
      if (is_element(kid) && is_block_tag(kid->v.element.tag) &&
          !is_never_text(kid))
        s.has_block_child = true;
    }
    stats_[node] = s;
    return s;
  }

  double link_density(const GumboNode* e) {
    const TextStats& s = stats_[e];
    return s.chars ? static_cast<double>(s.link_chars) / s.chars : 0.0;
  }

  // Readability's initial score of a candidate ancestor.
  double initial_score(const GumboNode* e) {
    double score = 0;
    switch (e->v.element.tag) {
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_ARTICLE:
      case GUMBO_TAG_MAIN:
        score = 5;
        break;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_BLOCKQUOTE:
        score = 3;
        break;
      case GUMBO_TAG_ADDRESS:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_DD:
      case GUMBO_TAG_DT:
      case GUMBO_TAG_LI:
      case GUMBO_TAG_FORM:
        score = -3;
        break;
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
      case GUMBO_TAG_TH:
        score = -5;
        break;
      default:
        break;
    }
    std::string ci = class_and_id(e);
    if (negative_hint(ci)) score -= 25;
    if (positive_hint(ci)) score += 25;
    if (body_markup(e, ci)) score += 25;
    return score;
  }

  bool scored_tag(const GumboNode* e) {
    switch (e->v.element.tag) {
      case GUMBO_TAG_P:
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
        return true;
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_SECTION:
      case GUMBO_TAG_BLOCKQUOTE:
      case GUMBO_TAG_UNKNOWN:
        return !stats_[e].has_block_child;
      default:
        return false;
    }
  }

  void score_paragraphs(const GumboNode* node, bool unlikely, int depth) {
    if (depth > kMaxTreeDepth || !is_element(node) || is_never_text(node))
      return;
    GumboTag tag = node->v.element.tag;
    // An element holding most of the page's text is a wrapper, whatever
    // its class says ("mastergridbanner", "nav-header container").
    bool wrapper = stats_[node].chars * 2 > body_chars_;
    if (strip_unlikely_ && !wrapper &&
        (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE ||
         tag == GUMBO_TAG_FOOTER))
      unlikely = true;
    if (strip_unlikely_ && !wrapper && !unlikely && tag != GUMBO_TAG_BODY &&
        tag != GUMBO_TAG_A &&
        (unlikely_candidate(class_and_id(node)) ||
         unlikely_role(attribute(node, "role")))) {
      unlikely = true;
    }
    if (!unlikely && scored_tag(node)) {
      const TextStats& s = stats_[node];
      if (s.chars >= 25) {
        double score = 1 + s.commas + std::min(3, s.chars / 100);
        const GumboNode* a = node->parent;
        for (int level = 0; level < 5 && a && is_element(a); ++level) {
          auto [it, fresh] = scores_.try_emplace(a, 0.0);
          if (fresh) it->second = initial_score(a);
          double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
          it->second += score / divider;
          a = a->parent;
        }
      }
    }
    const GumboVector& kids = children_of(node);
    for (unsigned i = 0; i < kids.length; ++i)
      score_paragraphs(static_cast<const GumboNode*>(kids.data[i]), unlikely,
                       depth + 1);
  }

  double final_score(const GumboNode* e) {
    auto it = scores_.find(e);
    if (it == scores_.end()) return 0;
    double score = it->second * (1 - link_density(e));
    // A container of a line or two is no article, whatever its class
    // ("contentwrapper" around a 50-character notice) adds to its score.
    int chars = stats_[e].chars;
    if (chars < kMinCandidateChars)
      score *= static_cast<double>(chars) / kMinCandidateChars;
    return score;
  }

  // Text below which a candidate's score is scaled down.
  static constexpr int kMinCandidateChars = 140;

  // Whether `e` lies in page furniture: an element whose class or id says
  // comments, sidebar, footer and the like, and that is not a wrapper of
  // most of the page (a long comment thread may hold more text than the
  // story: only a wrapper of nearly all of it is one).
  bool in_furniture(const GumboNode* e) {
    for (const GumboNode* n = e; n && is_element(n); n = n->parent) {
      if (n->v.element.tag == GUMBO_TAG_BODY) return false;
      std::string ci = class_and_id(n);
      double share = static_cast<double>(stats_[n].chars) / body_chars_;
      if (ci.find("comment") != std::string::npos && share < 0.8) return true;
      if (unlikely_candidate(ci) && share <= 0.5) return true;
    }
    return false;
  }

  bool contains(const GumboNode* outer, const GumboNode* inner) {
    for (const GumboNode* n = inner; n; n = n->parent) {
      if (n == outer) return true;
    }
    return false;
  }

  int own_text(const GumboNode* e) {
    const TextStats& s = stats_[e];
    return s.chars - s.link_chars;
  }

  // Readability: the best-scoring candidate, moved up to an ancestor that
  // scores better, and its siblings that score well or read as prose.
  std::vector<const GumboNode*> readability_roots(const GumboNode* body) {
    const GumboNode* top = nullptr;
    double top_score = 0;
    for (const auto& [e, raw] : scores_) {
      (void)raw;
      double s = final_score(e);
      if (!top || s > top_score ||
          (s == top_score && e->index_within_parent < top->index_within_parent))
        top = e, top_score = s;
    }
    if (!top) return {};
    double last = top_score;
    for (const GumboNode* p = top->parent; p && p != body && is_element(p);
         p = p->parent) {
      if (!scores_.contains(p)) continue;
      double ps = final_score(p);
      if (ps < top_score / 3) break;
      if (ps > last) {
        top = p;
        top_score = ps;
        break;
      }
      last = ps;
    }
    while (top->parent && top->parent != body && is_element(top->parent) &&
           stats_[top->parent].chars == stats_[top].chars)
      top = top->parent;
    std::vector<const GumboNode*> roots;
    const GumboNode* parent = top->parent;
    if (!parent || !is_element(parent) || top == body) return {top};
    double threshold = std::max(10.0, top_score * 0.2);
    std::string top_class(attribute(top, "class"));
    const GumboVector& kids = children_of(parent);
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* s = static_cast<const GumboNode*>(kids.data[i]);
      if (!is_element(s) || is_never_text(s)) continue;
      if (s == top) {
        roots.push_back(s);
        continue;
      }
      double bonus = 0;
      if (!top_class.empty() && attribute(s, "class") == top_class)
        bonus = top_score * 0.2;
      if (scores_.contains(s) && final_score(s) + bonus >= threshold) {
        roots.push_back(s);
        continue;
      }
      if (s->v.element.tag == GUMBO_TAG_P) {
        int chars = stats_[s].chars;
        double ld = link_density(s);
        std::string text = inline_text(s);
        if ((chars > 80 && ld < 0.25) ||
            (chars > 0 && chars <= 80 && ld == 0 &&
             (text.find(". ") != std::string::npos || text.ends_with("."))))
          roots.push_back(s);
      }
    }
    return roots;
  }

  std::vector<const GumboNode*> choose_roots(const GumboNode* body) {
    std::vector<const GumboNode*> read = readability_roots(body);
    int read_text = 0;
    for (const GumboNode* r : read) read_text += own_text(r);
    // The page's own markup for its body, when it holds most of the text
    // Readability found: the outermost such element with the most text.
    std::vector<const GumboNode*> marked;
    collect_elements(
        body,
        [this](const GumboNode* e) {
          return !is_never_text(e) && body_markup(e, class_and_id(e));
        },
        marked);
    // "postcontent" inside a comment list is a comment's body.
    std::erase_if(marked,
                  [this](const GumboNode* m) { return in_furniture(m); });
    const GumboNode* best = nullptr;
    for (const GumboNode* m : marked) {
      if (!best || own_text(m) > own_text(best)) best = m;
    }
    if (best) {
      // An outer marked element holding the same text is the body.
      for (const GumboNode* m : marked) {
        if (m != best && contains(m, best) &&
            own_text(m) <= own_text(best) * 1.3)
          best = m;
      }
      if (own_text(best) >= 0.3 * read_text && own_text(best) >= 200)
        return with_same_class(best, marked);
    }
    for (GumboTag tag : {GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN}) {
      std::vector<const GumboNode*> found;
      collect_elements(
          body, [tag](const GumboNode* e) { return tag_of(e) == tag; }, found);
      const GumboNode* biggest = nullptr;
      for (const GumboNode* f : found) {
        if (is_never_text(f)) continue;
        if (!biggest || own_text(f) > own_text(biggest)) biggest = f;
      }
      if (biggest && own_text(biggest) >= 0.8 * read_text &&
          own_text(biggest) <= 1.5 * read_text && own_text(biggest) >= 200)
        return {biggest};
    }
    return read;
  }

  // A body the page splits into chunks of one class between ads and
  // figures (Wired, the New York Times): `best` and every other marked
  // element of its class outside it, in page order.
  std::vector<const GumboNode*> with_same_class(
      const GumboNode* best, const std::vector<const GumboNode*>& marked) {
    std::string_view cls = attribute(best, "class");
    if (cls.empty()) return {best};
    std::vector<const GumboNode*> roots;
    for (const GumboNode* m : marked) {
      if (m != best && (attribute(m, "class") != cls || contains(m, best) ||
                        contains(best, m) || own_text(m) < 50))
        continue;
      bool nested = false;
      for (const GumboNode* r : roots) nested = nested || contains(r, m);
      if (!nested) roots.push_back(m);
    }
    return roots;
  }

  // Whether an element inside the body holds no article text.
  bool pruned(const GumboNode* e) {
    switch (e->v.element.tag) {
      case GUMBO_TAG_NAV:
      case GUMBO_TAG_ASIDE:
      case GUMBO_TAG_FOOTER:
      case GUMBO_TAG_HEADER:
      case GUMBO_TAG_FIGCAPTION:
      case GUMBO_TAG_FIGURE:
      case GUMBO_TAG_H1:
      case GUMBO_TAG_ADDRESS:
      case GUMBO_TAG_TIME:
        return true;
      case GUMBO_TAG_FORM:
        return stats_[e].chars < root_chars_ / 2;
      default:
        break;
    }
    std::string ci = class_and_id(e);
    if (boilerplate_hint(ci) && stats_[e].chars < root_chars_ * 0.4)
      return true;
    // A list of links (related stories, tags, a menu).
    GumboTag tag = e->v.element.tag;
    if ((tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DIV ||
         tag == GUMBO_TAG_SECTION) &&
        stats_[e].chars > 0 && link_density(e) > 0.5 &&
        stats_[e].chars < root_chars_ * 0.4)
      return true;
    return false;
  }

  void flush(std::vector<Paragraph>& out, Paragraph& p) {
    while (!p.text.empty() && (p.text.back() == ' ' || p.text.back() == '\n'))
      p.text.pop_back();
    if (!p.text.empty()) {
      int commas = 0;
      p.chars = count_chars(p.text, commas);
      out.push_back(std::move(p));
    }
    p = Paragraph{};
  }

  void emit(const GumboNode* node, std::vector<Paragraph>& out, Paragraph& p,
            int depth, bool in_link = false) {
    if (depth > kMaxTreeDepth) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      std::size_t before = p.text.size();
      append_collapsed(p.text, node->v.text.text);
      if (in_link) {
        int commas = 0;
        p.link_chars +=
            count_chars(std::string_view(p.text).substr(before), commas);
      }
      return;
    }
    if (!is_element(node) || is_never_text(node)) return;
    if (depth > 0 && pruned(node)) return;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_BR) {
      if (!p.text.empty() && p.text.back() != '\n') {
        while (!p.text.empty() && p.text.back() == ' ') p.text.pop_back();
        p.text += '\n';
      }
      return;
    }
    bool block = is_block_tag(tag);
    if (block) {
      flush(out, p);
      p.tag = tag;
    }
    bool link = in_link || tag == GUMBO_TAG_A;
    const GumboVector& kids = children_of(node);
    for (unsigned i = 0; i < kids.length; ++i)
      emit(static_cast<const GumboNode*>(kids.data[i]), out, p, depth + 1,
           link);
    if (block) flush(out, p);
  }

  static bool is_heading(GumboTag tag) {
    return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
  }

  std::vector<Paragraph> filter(std::vector<Paragraph> in,
                                const std::string& title) {
    std::vector<Paragraph> out;
    std::string folded_title = fold_case(trim_space(title));
    for (Paragraph& p : in) {
      if (p.chars == 0) continue;
      if (p.link_chars * 2 > p.chars && p.tag != GUMBO_TAG_P) continue;
      if (p.link_chars * 10 > p.chars * 8) continue;
      if (!folded_title.empty() && fold_case(p.text) == folded_title) continue;
      if (is_prompt(p.text)) continue;
      out.push_back(std::move(p));
    }
    // Headings with nothing of theirs after them ("Related stories"), and
    // the newsletter and contact prompts stories end with.
    while (!out.empty() &&
           (is_heading(out.back().tag) || is_closing_prompt(out.back().text)))
      out.pop_back();
    return out;
  }

  static std::string join(const std::vector<Paragraph>& paragraphs) {
    std::string text;
    for (const Paragraph& p : paragraphs) {
      if (!text.empty()) text += "\n\n";
      text += p.text;
    }
    return text;
  }

  const HtmlTree& tree_;
  std::unordered_map<const GumboNode*, TextStats> stats_;
  std::unordered_map<const GumboNode*, double> scores_;
  int root_chars_ = 0;
  int body_chars_ = 0;
  bool strip_unlikely_ = true;
};

}  // namespace

MainText extract_main_text(const HtmlTree& tree, const std::string& title) {
  return Extractor(tree).run(title);
}

}  // namespace newsdex
