#include "db/import/json_reader.hpp"

#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>
#include <span>

namespace db::inbox {
namespace {

// Where the parser has read up to: nlohmann's SAX events carry no position, but its
// lexer pulls characters one at a time through this iterator and never reads ahead
// of a '{', so at start_object the line is the line of that brace.
struct Cursor {
    int line = 1;
};

class CountingIterator {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator(const char* at, Cursor* cursor) : at_(at), cursor_(cursor) {}
    reference operator*() const { return *at_; }
    CountingIterator& operator++() {
        if (*at_ == '\n') ++cursor_->line;
        ++at_;
        return *this;
    }
    bool operator==(const CountingIterator& other) const { return at_ == other.at_; }

  private:
    const char* at_;
    Cursor* cursor_;
};

using Json = nlohmann::json;

class RowsHandler : public nlohmann::json_sax<Json> {
  public:
    RowsHandler(InboxKind expected, const std::string& file, TextTable& table,
                ProblemList& problems, const Cursor& cursor)
        : expected_(expected),
          file_(file),
          table_(table),
          problems_(problems),
          cursor_(cursor),
          specs_(columns_of(expected)),
          header_column_(specs_.size(), kNoColumn) {}

    bool null() override { return scalar(""); }
    bool boolean(bool value) override { return scalar(value ? "true" : "false"); }
    bool number_integer(number_integer_t value) override { return scalar(std::to_string(value)); }
    bool number_unsigned(number_unsigned_t value) override { return scalar(std::to_string(value)); }
    bool number_float(number_float_t value, const string_t& text) override {
        // 3.0 from a JSON writer means the integer 3 (a year group, a URN).
        if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15)
            return scalar(std::to_string(static_cast<long long>(value)));
        return scalar(text);
    }
    bool string(string_t& value) override { return scalar(value); }
    bool binary(binary_t&) override { return scalar(""); }

    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& name) override {
        if (depth_ == 1 && !top_is_array_) {
            top_key_ = normalise_name(name);
            return true;
        }
        if (in_row_ && depth_ == rows_depth_ + 1) {
            column_ = column_of(normalise_name(name));
            if (column_ != kNoColumn && row_seen_[column_]) {
                add(cursor_.line, table_.header[column_], "given twice in one row");
                column_ = kNoColumn;
            } else if (column_ != kNoColumn) {
                row_seen_[column_] = true;
            }
        }
        return true;
    }

    bool parse_error(std::size_t, const std::string&,
                     const nlohmann::detail::exception& error) override {
        std::string what = error.what();
        // "[json.exception.parse_error.101] parse error at line 3, column 1: ..." -> the
        // part a person can act on.
        if (auto at = what.find("] "); at != std::string::npos) what = what.substr(at + 2);
        // The message quotes the token read last, which may be a 10 MB unclosed string.
        add(cursor_.line, "", "malformed JSON: " + shortened(what));
        return false;
    }

    // After parsing: false (with a problem) when the document held no rows array.
    bool finish() {
        if (saw_rows_ && rows_depth_ > 0) return true;
        if (!saw_rows_)
            add(1, "",
                "no \"rows\" array: expected [ {...}, ... ] or {\"kind\": ..., \"rows\": [...]}");
        return false;
    }

  private:
    static constexpr size_t kNoColumn = static_cast<size_t>(-1);
    // An inbox document is three levels deep (object, rows, row) and a wrong value in
    // a row adds one or two; anything deeper is not an inbox file, and reading it on
    // would cost memory per level for nothing.
    static constexpr int kMaxDepth = 32;

    bool open(bool object) {
        ++depth_;
        if (depth_ > kMaxDepth) {
            add(cursor_.line, "",
                "malformed JSON: nested more than " + std::to_string(kMaxDepth) +
                    " levels deep (an inbox file is [ {...}, ... ] or {\"kind\": ..., "
                    "\"rows\": [...]})");
            saw_rows_ = true;  // one complaint is enough: finish() stays quiet
            return false;      // stops the parser
        }
        if (depth_ == 1) {
            top_is_array_ = !object;
            if (top_is_array_) start_rows();
        } else if (depth_ == 2 && !top_is_array_ && top_key_ == "rows") {
            if (object) {
                saw_rows_ = true;  // one complaint is enough: finish() stays quiet
                add(cursor_.line, "rows", "must be an array of row objects");
            } else {
                start_rows();
            }
        } else if (rows_open_ && depth_ == rows_depth_ + 1) {
            if (object) {
                table_.start_row(cursor_.line);
                in_row_ = true;
                row_seen_.assign(specs_.size(), false);
            } else {
                add(cursor_.line, "", "a row must be an object of column names and values");
            }
        } else if (in_row_ && depth_ == rows_depth_ + 2 && column_ != kNoColumn) {
            add(cursor_.line, table_.header[column_],
                "a nested object or array; expected text, a number or null");
            column_ = kNoColumn;
        }
        return true;
    }

    bool close() {
        if (in_row_ && depth_ == rows_depth_ + 1) {
            in_row_ = false;
            if (table_.last_row_is_blank()) table_.drop_last_row();
        }
        if (rows_open_ && depth_ == rows_depth_) rows_open_ = false;
        --depth_;
        return true;
    }

    void start_rows() {
        rows_depth_ = depth_;
        rows_open_ = saw_rows_ = true;
        table_.header_line = cursor_.line;
    }

    bool scalar(std::string_view value) {
        if (depth_ == 0) {
            saw_rows_ = true;  // one complaint is enough: finish() stays quiet
            add(cursor_.line, "", "expected [ {...}, ... ] or {\"kind\": ..., \"rows\": [...]}");
        } else if (depth_ == 1 && !top_is_array_ && top_key_ == "kind") {
            check_kind(value);
        } else if (rows_open_ && depth_ == rows_depth_) {
            add(cursor_.line, "", "a row must be an object of column names and values");
        } else if (in_row_ && depth_ == rows_depth_ + 1 && column_ != kNoColumn) {
            table_.set_cell(column_, value);
            column_ = kNoColumn;
        }
        return true;
    }

    void check_kind(std::string_view value) {
        if (normalise_name(value) == to_string(expected_)) return;
        add(cursor_.line, "kind",
            "'" + std::string(value) + "' contradicts the file name, which says '" +
                std::string(to_string(expected_)) + "'");
    }

    // The table column of a contract column name, added to the header when first
    // seen; kNoColumn for a name the contract does not have, whose values are dropped
    // (as a CSV file's extra columns are ignored). A row of 100,000 made-up keys thus
    // costs nothing per key beyond this scan of the kind's few columns.
    size_t column_of(std::string_view name) {
        for (size_t spec = 0; spec < specs_.size(); ++spec) {
            if (specs_[spec].name != name) continue;
            if (header_column_[spec] == kNoColumn) {
                header_column_[spec] = table_.header.size();
                table_.header.emplace_back(name);
            }
            return header_column_[spec];
        }
        return kNoColumn;
    }

    static std::string shortened(const std::string& text) {
        constexpr size_t kLongest = 200;
        if (text.size() <= kLongest) return text;
        size_t end = kLongest;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        return text.substr(0, end) + "...";
    }

    void add(int line, std::string field, std::string reason) {
        problems_.push_back({file_, line, std::move(field), std::move(reason)});
    }

    InboxKind expected_;
    const std::string& file_;
    TextTable& table_;
    ProblemList& problems_;
    const Cursor& cursor_;
    int depth_ = 0;
    int rows_depth_ = 0;  // depth of the rows array
    bool top_is_array_ = false, saw_rows_ = false, rows_open_ = false;
    bool in_row_ = false;
    std::string top_key_;
    size_t column_ = kNoColumn;  // the table column of the key just read
    std::span<const ColumnSpec> specs_;
    std::vector<size_t> header_column_;  // per spec: its table column, or kNoColumn
    std::vector<bool> row_seen_;         // per table column: given in the current row
};

}  // namespace

bool read_json(std::string_view text, InboxKind expected, const std::string& file, TextTable& table,
               ProblemList& problems) {
    Cursor cursor;
    RowsHandler handler(expected, file, table, problems, cursor);
    CountingIterator first(text.data(), &cursor), last(text.data() + text.size(), &cursor);
    return Json::sax_parse(first, last, &handler) && handler.finish();
}

}  // namespace db::inbox
