// Cleaning scraped news pages: keep the article, drop the page around it
// (share and comment prompts, markup debris, repeated headlines, teasers
// of other stories before and after the article).
#ifndef NEWSDEX_COMMON_PAGE_CLEANER_H_
#define NEWSDEX_COMMON_PAGE_CLEANER_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

enum class BlockKind {
  kArticle,      // article text: indexed
  kHeadline,     // the page's own headline: becomes the title
  kBoilerplate,  // navigation, share/comment/app prompts, credits, debris
  kOtherStory,   // a teaser or sidebar of another story
  kRepeat,       // a repeat of an earlier block
};

// "article", "headline", "boilerplate", "other-story", "repeat".
const char* block_kind_name(BlockKind kind);

struct PageBlock {
  std::string text;
  BlockKind kind = BlockKind::kArticle;
};

struct CleanedPage {
  std::string headline;  // the page's real headline, or "" when it has none
  std::string text;      // the article blocks, joined by blank lines
  std::vector<PageBlock> blocks;  // every block in page order, classified
  std::size_t dropped_chars = 0;  // bytes of the blocks not kept
};

// Splits `page` into blocks (paragraphs: lines, with hard-wrapped lines
// joined) and classifies each from its own shape (length, sentence end,
// truncation marks "..." and "…", prompts and markup debris), its
// repetition in the page and its place (the article is one contiguous run
// of blocks). With `judge_fit`, also from how well its words fit the rest
// of the article, which drops whole-paragraph teasers of other stories but
// is not yet reliable enough to use by default (it can drop real
// paragraphs that change subject).
CleanedPage clean_page(std::string_view page, bool judge_fit = false);

// Whether `text` shows page noise worth cleaning (prompts, debris, cut-off
// teasers, repeated blocks); clean text is left as it is.
bool looks_like_scraped_page(std::string_view text);

// The first sentence of `text` (at most `max_chars`, cut at a word), for a
// title when a page has no headline.
std::string first_sentence(std::string_view text, std::size_t max_chars = 200);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_PAGE_CLEANER_H_
