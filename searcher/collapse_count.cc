// Group counts for --collapse on a match spy over the collapse key's slot.
#include "searcher/collapse_count.h"

#include "common/schema.h"

namespace newsdex {

GroupCounter::Spy::Spy(const Xapian::Database* db)
    : read_(db, schema::kDuplicateGroupSlot) {}

void GroupCounter::Spy::operator()(const Xapian::Document& doc, double) {
  ++articles_;
  std::string key = read_(doc);
  if (key.empty()) {
    ++without_key_;  // Xapian never collapses an empty key
  } else {
    keys_.insert(std::move(key));
  }
}

GroupCounter::GroupCounter(const Xapian::Database* db, bool portable) {
  if (portable) {
    portable_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(
        schema::kDuplicateGroupSlot);
  } else {
    spy_ = std::make_unique<Spy>(db);
  }
}

void GroupCounter::register_with(Xapian::Enquire& enquire) {
  if (spy_) {
    enquire.add_matchspy(spy_.get());
  } else {
    enquire.add_matchspy(portable_spy_.get());
  }
}

std::size_t GroupCounter::articles() const {
  return spy_ ? spy_->articles_ : portable_spy_->get_total();
}

std::size_t GroupCounter::groups() const {
  if (spy_) return spy_->keys_.size() + spy_->without_key_;
  std::size_t keys = 0, with_key = 0;
  for (auto it = portable_spy_->values_begin();
       it != portable_spy_->values_end(); ++it) {
    ++keys;
    with_key += it.get_termfreq();
  }
  return keys + (portable_spy_->get_total() - with_key);
}

}  // namespace newsdex
