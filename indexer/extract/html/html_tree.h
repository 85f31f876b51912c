// A parsed HTML page (gumbo's HTML5 tree) and what every pass over it asks
// of an element: its tag, attributes, class/id words, whether it can ever
// be text, and its visible text.
#ifndef NEWSDEX_INDEXER_EXTRACT_HTML_HTML_TREE_H_
#define NEWSDEX_INDEXER_EXTRACT_HTML_HTML_TREE_H_

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// Owns gumbo's output for one page. `utf8` must stay alive and unchanged
// while the tree is used (gumbo's original-text pointers refer to it).
// Parsing never fails: any byte string gives a tree (HTML5 error
// recovery); invalid UTF-8 becomes U+FFFD in text.
class HtmlTree {
 public:
  explicit HtmlTree(std::string_view utf8);
  ~HtmlTree();
  HtmlTree(const HtmlTree&) = delete;
  HtmlTree& operator=(const HtmlTree&) = delete;

  const GumboNode* document() const;
  const GumboNode* root() const;  // <html>
  const GumboNode* head() const;  // may be null
  const GumboNode* body() const;  // may be null

 private:
  GumboOutput* output_;
};

// Trees deeper than this are read only to this depth: passes over the tree
// recurse, and a page of 10,000 nested elements must not exhaust the stack.
inline constexpr int kMaxTreeDepth = 256;

inline bool is_element(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT;
}
inline GumboTag tag_of(const GumboNode* node) {
  return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}
inline const GumboVector& children_of(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                           : node->v.element.children;
}
inline const GumboNode* child_at(const GumboNode* node, unsigned i) {
  return static_cast<const GumboNode*>(children_of(node).data[i]);
}

// The value of attribute `name` (lower case), or "" when absent.
std::string_view attribute(const GumboNode* element, const char* name);
bool has_attribute(const GumboNode* element, const char* name);

// The element's class and id, lower-cased and joined with a space: what
// class/id hints are matched against.
std::string class_and_id(const GumboNode* element);

// Elements whose content is never article text: script, style, noscript,
// template, head, svg, iframe, form controls, ...; and hidden ones (the
// hidden attribute, aria-hidden="true", style display:none or
// visibility:hidden).
bool is_never_text(const GumboNode* element);

// Block-level elements: each starts a new paragraph in text output.
bool is_block_tag(GumboTag tag);

// Appends `text` to `out` collapsing white space runs (no-break spaces
// among them) into one space (none at the start of `out` or after a
// newline); zero-width spaces are dropped.
void append_collapsed(std::string& out, std::string_view text);

// The visible text of a subtree, white space collapsed, block elements
// separated by one space: for titles, bylines and dates.
std::string inline_text(const GumboNode* node);

// The first element below `node` (depth first, `node` included) with tag
// `tag`, or null.
const GumboNode* find_first(const GumboNode* node, GumboTag tag);

// Every element below `node` (document order) for which `want` is true.
template <typename Want>
void collect_elements(const GumboNode* node, Want&& want,
                      std::vector<const GumboNode*>& out, int depth = 0) {
  if (depth > kMaxTreeDepth) return;
  if (is_element(node) && want(node)) out.push_back(node);
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT)
    return;  // text, comments, and <template> whose content is inert
  const GumboVector& kids = children_of(node);
  for (unsigned i = 0; i < kids.length; ++i)
    collect_elements(static_cast<const GumboNode*>(kids.data[i]), want, out,
                     depth + 1);
}

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_EXTRACT_HTML_HTML_TREE_H_
