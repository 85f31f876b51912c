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
// and sentences split mid-way joined) and classifies each from its own
// shape (length, sentence end, truncation marks "..." and "…", prompts and
// markup debris), its repetition in the page and its place: the article is
// one contiguous run of blocks, a list right after it (fixtures, winners)
// is the article's, and teasers of other stories written as whole
// paragraphs are trimmed from the run's ends when they are off the subject
// of the article's lead (its headline and first paragraphs) or start like
// a cut-off teaser elsewhere on the page.
CleanedPage clean_page(std::string_view page);

// The cautious cleaner for records that came with their own title and
// text (JSON Lines): drops prompts, credits and markup debris anywhere,
// long repeated paragraphs, and cut-off teasers ("...", "…") with their
// headlines at either end; everything else is kept as it is (reports with
// section headings and bullet lists are not pages). Text with nothing to
// drop comes back unchanged, byte for byte.
CleanedPage clean_record(std::string_view text);

// Whether `text` shows page noise worth cleaning (prompts, debris, cut-off
// teasers, repeated blocks); clean text is left as it is.
bool looks_like_scraped_page(std::string_view text);

// The first sentence of `text` (at most `max_chars`, cut at a word), for a
// title when a page has no headline.
std::string first_sentence(std::string_view text, std::size_t max_chars = 200);

}  // namespace newsdex

#endif  // NEWSDEX_COMMON_PAGE_CLEANER_H_
