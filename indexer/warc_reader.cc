// Web archive records to articles: which records are pages, their HTTP
// bodies decoded, then the saved-page extractor.
#include "indexer/warc_reader.h"

#include <xxhash.h>

#include <algorithm>
#include <unordered_set>

#include "common/text_utf8.h"
#include "indexer/html_page_reader.h"
#include "indexer/http_response.h"
#include "indexer/warc_record_reader.h"

namespace newsdex {
namespace {

std::string lower_trimmed(std::string_view s) {
  std::string out(trim_space(s));
  lower_ascii_in_place(out);
  return out;
}

// The primary subtag of a Content-Language ("de-DE, en" -> "de").
std::string primary_language(std::string_view header) {
  std::string tag = lower_trimmed(header.substr(0, header.find(',')));
  tag = tag.substr(0, tag.find_first_of("-_"));
  if (tag.size() < 2 || tag.size() > 3) return "";
  for (char c : tag) {
    if (c < 'a' || c > 'z') return "";
  }
  return tag;
}

// Each URI and id an archive gave an article for, as a 64-bit hash.
class SeenUrls {
 public:
  bool contains(std::string_view url) const {
    return hashes_.contains(XXH3_64bits(url.data(), url.size()));
  }
  void insert(std::string_view url) {
    hashes_.insert(XXH3_64bits(url.data(), url.size()));
  }

 private:
  std::unordered_set<XXH64_hash_t> hashes_;
};

// The article of one record, or what the sink is told instead.
void read_record(const WarcRecord& record, const RecordOrigin& origin,
                 SeenUrls& seen, ArticleSink& sink) {
  std::string type = lower_trimmed(record.field("WARC-Type"));
  if (type.empty()) {
    sink.bad_record(origin, "no WARC-Type");
    return;
  }
  if (type == "revisit") return sink.passed_over(origin, "revisit");
  if (type != "response") return sink.passed_over(origin, "not_response");
  std::string_view uri = trim_space(record.field("WARC-Target-URI"));
  if (uri.starts_with('<') && uri.ends_with('>'))  // as WARC/1.0 wrote it
    uri = uri.substr(1, uri.size() - 2);
  if (uri.empty()) {
    sink.bad_record(origin, "a response record without a WARC-Target-URI");
    return;
  }
  HttpResponse http;
  if (std::string error = parse_http_response(record.block, http);
      !error.empty()) {
    // A dns: lookup (Heritrix) and other non-HTTP responses are no pages.
    if (!lower_trimmed(record.field("Content-Type"))
             .starts_with("application/http"))
      return sink.passed_over(origin, "not_html");
    sink.bad_record(origin, error);
    return;
  }
  if (http.status >= 300 && http.status < 400)
    return sink.passed_over(origin, "redirect");
  if (http.status != 200) return sink.passed_over(origin, "status");
  if (!http.media_type.empty() && !is_html_media_type(http.media_type))
    return sink.passed_over(origin, "not_html");
  if (seen.contains(uri)) return sink.passed_over(origin, "duplicate");
  std::string body;
  if (std::string error = decode_http_body(http, kMaxPageBytes, body);
      !error.empty()) {
    sink.bad_record(origin, error);
    return;
  }
  if (http.media_type.empty() && !looks_like_html(body))
    return sink.passed_over(origin, "not_html");
  if (std::string binary = binary_page_problem(body); !binary.empty()) {
    sink.bad_record(origin, binary);
    return;
  }

  Article article;
  std::string date_warning, charset_warning;
  static const nlohmann::json kNoFields = nlohmann::json::object();
  article_from_page(body, http.charset, uri, kNoFields, article, date_warning,
                    &charset_warning);
  article.id = article.url;
  if (article.id != uri && seen.contains(article.id))
    return sink.passed_over(origin, "duplicate");
  seen.insert(uri);
  seen.insert(article.id);
  if (!article.extra.contains("language")) {
    if (std::string language = primary_language(http.content_language);
        !language.empty())
      article.extra["language"] = language;
  }
  deliver_page_article(std::move(article), origin, "", charset_warning, sink);
}

}  // namespace

bool is_warc_name(std::string_view name) {
  std::string lower(name);
  lower_ascii_in_place(lower);
  return lower.ends_with(".warc") || lower.ends_with(".warc.gz");
}

void read_warc(const std::filesystem::path& path, ArticleSink& sink) {
  const std::string file = path.string();
  WarcRecordReader reader(file);
  SeenUrls seen;
  WarcRecord record;
  std::uint64_t reported = 0;
  while (!sink.stop_requested() && reader.next(record)) {
    std::uint64_t offset = reader.file_offset();
    if (offset > reported) sink.read_progress(offset - reported, 0);
    reported = std::max(reported, offset);
    RecordOrigin origin{record.where(file), 0};
    if (!record.problem.empty()) {
      sink.bad_record(origin, record.problem);
      continue;
    }
    read_record(record, origin, seen, sink);
  }
  std::uint64_t offset = reader.file_offset();
  sink.read_progress(offset > reported ? offset - reported : 0, 1);
}

}  // namespace newsdex
