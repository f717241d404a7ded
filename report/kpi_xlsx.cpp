// The KPI report as an XLSX workbook (libxlsxwriter): sheets Terms, Teachers and
// Caseload, header rows bold and frozen, dates written as spreadsheet dates (numbers
// with a date format) so they sort and filter as dates in Excel and LibreOffice.
#include <xlsxwriter.h>

#include <stdexcept>
#include <string>
#include <utility>

#include "core/pupil_text.hpp"
#include "report/kpi_report.hpp"

namespace report {
namespace {

class Workbook {
  public:
    explicit Workbook(const std::filesystem::path& file) : file_(file) {
        // The workbook is assembled in memory-backed temporary files and written at
        // close; the 0600 file made first keeps its mode when libxlsxwriter truncates it.
        create_private_file(file);
        book_ = workbook_new(file.c_str());
        if (!book_) throw std::runtime_error(file.string() + ": cannot create the workbook");
        bold_ = workbook_add_format(book_);
        format_set_bold(bold_);
        date_ = workbook_add_format(book_);
        format_set_num_format(date_, "yyyy-mm-dd");
        one_decimal_ = workbook_add_format(book_);
        format_set_num_format(one_decimal_, "0.0");
    }
    ~Workbook() {
        if (book_) workbook_close(book_);  // only after an error: close() took it
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_worksheet* sheet(const char* name, std::initializer_list<std::string_view> headers) {
        lxw_worksheet* ws = workbook_add_worksheet(book_, name);
        lxw_col_t col = 0;
        for (std::string_view h : headers) header(ws, col++, h);
        worksheet_freeze_panes(ws, 1, 0);
        return ws;
    }
    void header(lxw_worksheet* ws, lxw_col_t col, std::string_view text) {
        worksheet_write_string(ws, 0, col, std::string(text).c_str(), bold_);
    }
    void text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view value) {
        if (!value.empty())
            worksheet_write_string(ws, row, col, std::string(value).c_str(), nullptr);
    }
    void number(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double value,
                bool decimal = false) {
        worksheet_write_number(ws, row, col, value, decimal ? one_decimal_ : nullptr);
    }
    void date(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::optional<core::Date> d) {
        if (!d) return;
        lxw_datetime when{
            d->year(), static_cast<uint8_t>(d->month()), static_cast<uint8_t>(d->day()), 0, 0, 0.0};
        worksheet_write_datetime(ws, row, col, &when, date_);
    }
    void close() {
        lxw_error error = workbook_close(std::exchange(book_, nullptr));
        if (error != LXW_NO_ERROR)
            throw std::runtime_error(file_.string() +
                                     ": cannot write the workbook: " + lxw_strerror(error));
        create_private_permissions();
    }

  private:
    void create_private_permissions() {
        std::error_code ignored;
        std::filesystem::permissions(
            file_, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
            ignored);
    }

    std::filesystem::path file_;
    lxw_workbook* book_ = nullptr;
    lxw_format *bold_ = nullptr, *date_ = nullptr, *one_decimal_ = nullptr;
};

void write_terms(Workbook& book, const core::Snapshot& snapshot) {
    lxw_worksheet* ws = book.sheet("Terms", {"academic_year", "term", "start_date", "end_date"});
    const auto specs = core::term_figure_specs();
    for (size_t i = 0; i < specs.size(); ++i)
        book.header(ws, static_cast<lxw_col_t>(4 + i), specs[i].name);
    worksheet_set_column(ws, 0, 3, 12, nullptr);
    lxw_row_t row = 1;
    for (const core::TermFigures& t : snapshot.trends.terms) {
        book.text(ws, row, 0, t.term.academic_year);
        book.text(ws, row, 1, core::to_string(t.term.term));
        book.date(ws, row, 2, t.term.start);
        book.date(ws, row, 3, t.term.end);
        for (size_t i = 0; i < specs.size(); ++i)
            if (auto value = specs[i].value(t))
                book.number(ws, row, static_cast<lxw_col_t>(4 + i), *value,
                            specs[i].kind != core::FigureKind::count);
        ++row;
    }
}

void write_teachers(Workbook& book, const core::Snapshot& snapshot) {
    lxw_worksheet* ws =
        book.sheet("Teachers", {"staff_id", "name", "open_cases", "overdue_visits"});
    worksheet_set_column(ws, 1, 1, 28, nullptr);
    lxw_row_t row = 1;
    for (const core::TeacherLoad& load : snapshot.teacher_loads) {
        book.text(ws, row, 0, load.staff_id);
        book.text(ws, row, 1, load.name);
        book.number(ws, row, 2, load.cases);
        book.number(ws, row, 3, load.overdue_visits);
        ++row;
    }
}

// The caseload board's rows in its order (by teacher, late visits first). Pupils by
// initials and ref; the full name is a column of its own, present only when asked for.
void write_caseload(Workbook& book, const core::Snapshot& snapshot, bool show_names) {
    lxw_worksheet* ws =
        book.sheet("Caseload", {"teacher", "pupil", "school", "need_area", "stage", "last_visit",
                                "next_visit_due", "visit_overdue", "next_action"});
    if (show_names) book.header(ws, 9, "name");
    worksheet_set_column(ws, 0, 2, 24, nullptr);
    worksheet_set_column(ws, 5, 6, 12, nullptr);
    worksheet_set_column(ws, 8, 8, 40, nullptr);
    lxw_row_t row = 1;
    for (const core::CaseloadRow& c : snapshot.caseload) {
        book.text(ws, row, 0, c.teacher);
        book.text(ws, row, 1, c.pupil_label);
        book.text(ws, row, 2, c.school);
        book.text(ws, row, 3, c.need_area);
        book.text(ws, row, 4, c.stage);
        book.date(ws, row, 5, c.last_visit);
        book.date(ws, row, 6, c.next_visit_due);
        book.text(ws, row, 7, c.visit_overdue ? "yes" : "no");
        book.text(ws, row, 8, c.next_action);
        if (show_names && snapshot.data && c.pupil < snapshot.data->pupils.size())
            book.text(ws, row, 9, core::full_name(snapshot.data->pupils[c.pupil]));
        ++row;
    }
}

}  // namespace

void write_report_xlsx(const std::filesystem::path& file, const core::Snapshot& snapshot,
                       bool show_names) {
    Workbook book(file);
    write_terms(book, snapshot);
    write_teachers(book, snapshot);
    write_caseload(book, snapshot, show_names);
    book.close();
}

}  // namespace report
