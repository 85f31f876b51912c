// Folder ingest: a sorted walk, metadata first, then the pages.
#include "indexer/folder_reader.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

#include "common/text_utf8.h"
#include "indexer/folder_metadata.h"
#include "indexer/html_page_reader.h"
#include "indexer/jsonl_reader.h"
#include "indexer/line_reader.h"
#include "indexer/record_fields.h"
#include "indexer/warc_reader.h"

namespace fs = std::filesystem;

namespace newsdex {
namespace {

bool is_metadata_name(const std::string& name) {
  const auto& names = metadata_file_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_jsonl_name(const std::string& name) {
  return name.ends_with(".jsonl") || name.ends_with(".jsonl.gz");
}

// A name the walk would read: a page, a stream or a metadata file.
bool is_wanted_name(const std::string& name) {
  return name.ends_with(".txt") || is_html_page_name(name) ||
         is_jsonl_name(name) || is_warc_name(name) || is_metadata_name(name);
}

}  // namespace

bool is_read_in_folder(const std::string& name) {
  return is_wanted_name(name) && !is_metadata_name(name);
}

void read_text_page(const fs::path& path, const std::string& id,
                    const nlohmann::json& metadata,
                    const RecordOrigin& metadata_origin, ArticleSink& sink) {
  RecordOrigin origin{path.string(), 0};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink.bad_record(origin, "cannot open file");
    return;
  }
  std::string page{std::istreambuf_iterator<char>(in),
                   std::istreambuf_iterator<char>()};
  if (in.bad()) {
    sink.bad_record(origin, "read error");
    return;
  }
  if (auto bad = find_invalid_utf8(page); bad != std::string::npos) {
    sink.bad_record(origin, "invalid UTF-8 at byte " + std::to_string(bad));
    return;
  }
  Article article;
  std::string date_warning;
  if (!metadata.empty()) {
    std::string error = apply_record_fields(metadata, article, date_warning);
    if (!error.empty()) {
      sink.bad_record(
          origin, error + " (metadata " + metadata_origin.to_string() + ")");
      return;
    }
  }
  article.id = id;
  if (std::size_t slash = id.find('/'); slash != std::string::npos) {
    article.folder = id.substr(0, slash);
  }
  article.text = std::move(page);
  article.is_page = true;  // headline and cleaning: indexer/article_prep.h
  if (std::string error = finish_article(article); !error.empty()) {
    sink.bad_record(origin, error);
    return;
  }
  if (!date_warning.empty()) {
    sink.date_warning(origin, date_warning + " (metadata " +
                                  metadata_origin.to_string() + ")");
  }
  sink.article(std::move(article), origin);
}

namespace {

// Gives each article of a JSON Lines file inside the folder its first
// folder level (Article::folder), as pages get theirs from their path.
class FolderLevelSink : public ArticleSink {
 public:
  FolderLevelSink(ArticleSink& sink, std::string folder)
      : sink_(sink), folder_(std::move(folder)) {}
  void article(Article article, const RecordOrigin& origin) override {
    if (article.folder.empty()) article.folder = folder_;
    sink_.article(std::move(article), origin);
  }
  void bad_record(const RecordOrigin& origin, std::string reason) override {
    sink_.bad_record(origin, std::move(reason));
  }
  void date_warning(const RecordOrigin& origin, std::string reason) override {
    sink_.date_warning(origin, std::move(reason));
  }
  void flagged(const RecordOrigin& origin, std::string reason) override {
    sink_.flagged(origin, std::move(reason));
  }
  void passed_over(const RecordOrigin& origin,
                   std::string_view reason) override {
    sink_.passed_over(origin, reason);
  }
  void read_progress(std::uint64_t bytes, std::size_t files) override {
    sink_.read_progress(bytes, files);
  }
  bool stop_requested() const override { return sink_.stop_requested(); }

 private:
  ArticleSink& sink_;
  std::string folder_;
};

}  // namespace

void read_folder(const fs::path& root, ArticleSink& sink) {
  std::error_code ec;
  fs::recursive_directory_iterator it(
      root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    throw std::runtime_error("cannot read folder " + root.string() + ": " +
                             ec.message());
  }
  std::vector<fs::path> pages, streams, archives, metadata_files, unread;
  // One entry that cannot be read (a symlink loop, a dangling link named
  // .txt) is named and skipped; the rest of the folder is still read.
  for (const fs::recursive_directory_iterator end; it != end;
       it.increment(ec)) {
    if (ec) {
      sink.bad_record({root.string(), 0},
                      "cannot read folder: " + ec.message());
      break;
    }
    const fs::directory_entry& entry = *it;
    std::error_code entry_ec;
    bool regular = entry.is_regular_file(entry_ec);
    if (entry_ec) {
      if (is_wanted_name(entry.path().filename().string())) {
        sink.bad_record({entry.path().string(), 0},
                        "cannot read: " + entry_ec.message());
      }
      continue;
    }
    if (!regular) continue;
    std::string name = entry.path().filename().string();
    if (!is_wanted_name(name)) {
      unread.push_back(entry.path());
      continue;
    }
    if (is_metadata_name(name)) {
      metadata_files.push_back(entry.path());
    } else if (is_jsonl_name(name)) {
      streams.push_back(entry.path());
    } else if (is_warc_name(name)) {
      archives.push_back(entry.path());
    } else if (name.ends_with(".txt") || is_html_page_name(name)) {
      pages.push_back(entry.path());
    }
  }
  std::sort(pages.begin(), pages.end());
  std::sort(streams.begin(), streams.end());
  std::sort(archives.begin(), archives.end());
  std::sort(metadata_files.begin(), metadata_files.end());
  std::sort(unread.begin(), unread.end());
  for (const auto& file : unread) {
    sink.file_not_read({file.string(), 0}, "not a page or JSON Lines file");
  }

  MetadataTable metadata;
  for (const auto& file : metadata_files) {
    std::string dir =
        file.parent_path().lexically_relative(root).generic_string();
    std::string prefix = (dir.empty() || dir == ".") ? "" : dir + "/";
    try {
      load_metadata_file(file, file.string(), prefix, metadata, sink);
    } catch (const std::runtime_error& e) {
      // That folder's pages are read without metadata; other folders'
      // metadata still applies.
      sink.bad_record({file.string(), 0},
                      std::string(e.what()) + "; metadata file ignored");
    }
  }
  static const nlohmann::json kNoMetadata = nlohmann::json::object();
  for (const auto& page : pages) {
    if (sink.stop_requested()) return;
    std::string id = page.lexically_relative(root).generic_string();
    auto row = metadata.find(id);
    auto read_page = is_html_page_name(id) ? read_html_page : read_text_page;
    if (row == metadata.end()) {
      read_page(page, id, kNoMetadata, {}, sink);
    } else {
      read_page(page, id, row->second.fields, row->second.origin, sink);
    }
    std::error_code size_ec;
    std::uint64_t bytes = fs::file_size(page, size_ec);
    sink.read_progress(size_ec ? 0 : bytes, 1);
  }
  for (const auto& stream : streams) {
    if (sink.stop_requested()) return;
    try {
      LineReader reader(stream.string());
      std::string relative = stream.lexically_relative(root).generic_string();
      std::size_t slash = relative.find('/');
      FolderLevelSink with_folder(
          sink, slash == std::string::npos ? "" : relative.substr(0, slash));
      read_jsonl(reader, stream.string(), with_folder);
    } catch (const std::runtime_error& e) {
      sink.bad_record({stream.string(), 0}, e.what());
    }
  }
  for (const auto& archive : archives) {
    if (sink.stop_requested()) return;
    try {
      std::string relative = archive.lexically_relative(root).generic_string();
      std::size_t slash = relative.find('/');
      FolderLevelSink with_folder(
          sink, slash == std::string::npos ? "" : relative.substr(0, slash));
      read_warc(archive, with_folder);
    } catch (const std::runtime_error& e) {
      sink.bad_record({archive.string(), 0}, e.what());
    }
  }
}

}  // namespace newsdex
