// The gumbo tree wrapper and the element predicates every pass shares.
#include "indexer/extract/html/html_tree.h"

#include <algorithm>
#include <cstring>

#include "common/text_utf8.h"

namespace newsdex {

HtmlTree::HtmlTree(std::string_view utf8) {
  GumboOptions options = kGumboDefaultOptions;
  // Parse errors are not wanted, and recording them costs time.
  options.max_errors = 0;
  output_ = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
}

HtmlTree::~HtmlTree() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

const GumboNode* HtmlTree::document() const { return output_->document; }
const GumboNode* HtmlTree::root() const { return output_->root; }

const GumboNode* HtmlTree::head() const {
  const GumboVector& kids = children_of(output_->root);
  for (unsigned i = 0; i < kids.length; ++i) {
    auto* n = static_cast<const GumboNode*>(kids.data[i]);
    if (tag_of(n) == GUMBO_TAG_HEAD) return n;
  }
  return nullptr;
}

const GumboNode* HtmlTree::body() const {
  const GumboVector& kids = children_of(output_->root);
  for (unsigned i = 0; i < kids.length; ++i) {
    auto* n = static_cast<const GumboNode*>(kids.data[i]);
    if (tag_of(n) == GUMBO_TAG_BODY) return n;
  }
  return nullptr;
}

std::string_view attribute(const GumboNode* element, const char* name) {
  if (!is_element(element)) return {};
  const GumboAttribute* a =
      gumbo_get_attribute(&element->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool has_attribute(const GumboNode* element, const char* name) {
  return is_element(element) &&
         gumbo_get_attribute(&element->v.element.attributes, name) != nullptr;
}

std::string class_and_id(const GumboNode* element) {
  std::string s(attribute(element, "class"));
  std::string_view id = attribute(element, "id");
  if (!id.empty()) {
    s += ' ';
    s += id;
  }
  lower_ascii_in_place(s);
  return s;
}

namespace {

// Whether an inline style hides the element: "display:none" or
// "visibility:hidden", spaces and case aside.
bool style_hides(std::string_view style) {
  if (style.empty()) return false;
  std::string s;
  s.reserve(style.size());
  for (char c : style) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') s += ascii_lower(c);
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

// More elements than a <noscript> fallback ever has.
constexpr int kSwallowedPageElements = 40;

// Whether `node`'s subtree has at least `limit` elements (counting stops
// there).
bool has_many_elements(const GumboNode* node, int limit) {
  int count = 0;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty() && count < limit) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!is_element(n)) continue;
    ++count;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
      stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  return count >= limit;
}

}  // namespace

bool is_never_text(const GumboNode* element) {
  if (element->type == GUMBO_NODE_TEMPLATE) return true;
  if (!is_element(element)) return false;
  switch (element->v.element.tag) {
    case GUMBO_TAG_NOSCRIPT:
      // Browsers run scripts and read <noscript> as raw text; gumbo parses
      // it as markup, so "<noscript><div></noscript>" swallows the rest of
      // the page into it, its end tag ignored (or matched by a later one).
      // Such a <noscript> holds the page, not its no-script fallback: a
      // fallback is a line or an image, not dozens of elements.
      return (element->parse_flags & GUMBO_INSERTION_IMPLICIT_END_TAG) == 0 &&
             !has_many_elements(element, kSwallowedPageElements);
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OPTION:
      return true;
    default:
      break;
  }
  if (element->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return true;
  if (has_attribute(element, "hidden")) return true;
  std::string_view aria = attribute(element, "aria-hidden");
  if (aria.size() == 4 && (aria[0] == 't' || aria[0] == 'T')) return true;
  return style_hides(attribute(element, "style"));
}

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

void append_collapsed(std::string& out, std::string_view text) {
  bool space = !out.empty() && out.back() != '\n' && out.back() != ' ';
  bool pending = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      pending = true;
      continue;
    }
    // A no-break space is a space in text; a zero-width space is nothing.
    if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      pending = true;
      ++i;
      continue;
    }
    if (c == '\xE2' && text.substr(i, 3) == "\xE2\x80\x8B") {
      i += 2;
      continue;
    }
    if (pending && space) out += ' ';
    pending = false;
    space = true;
    out += c;
  }
  if (pending && space) out += ' ';
}

namespace {

void inline_text_into(const GumboNode* node, std::string& out, int depth) {
  if (depth > kMaxTreeDepth) return;
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
      append_collapsed(out, node->v.text.text);
      return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_DOCUMENT:
      break;
    default:
      return;
  }
  if (is_element(node)) {
    if (is_never_text(node)) return;
    if (node->v.element.tag == GUMBO_TAG_BR ||
        is_block_tag(node->v.element.tag))
      append_collapsed(out, " ");
  }
  const GumboVector& kids = children_of(node);
  for (unsigned i = 0; i < kids.length; ++i)
    inline_text_into(static_cast<const GumboNode*>(kids.data[i]), out,
                     depth + 1);
  if (is_element(node) && is_block_tag(node->v.element.tag))
    append_collapsed(out, " ");
}

}  // namespace

std::string inline_text(const GumboNode* node) {
  std::string out;
  inline_text_into(node, out, 0);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

const GumboNode* find_first(const GumboNode* node, GumboTag tag) {
  std::vector<const GumboNode*> found;
  collect_elements(
      node, [tag](const GumboNode* n) { return tag_of(n) == tag; }, found);
  return found.empty() ? nullptr : found.front();
}

}  // namespace newsdex
