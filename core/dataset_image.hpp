// A Dataset as bytes and back: the packed tables, the text pool and the indices exactly as
// they are in memory, so a cold start can skip reading a million rows from SQLite and
// re-indexing them (db/dataset_cache.hpp keeps the bytes in a file beside the store and
// decides when they may be used). Core does no file I/O: these are plain byte buffers.
//
// The image starts with a magic, a format version, the sizes of the packed row structs
// and the body's length and checksum. Reading checks all of that and every id and offset
// in the body against what it may point at: a damaged or foreign image is refused with a
// reason, never read out of bounds and never turned into a Dataset that could be.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/dataset.hpp"

namespace core {

// Bump when the layout of the image or of the tables it mirrors changes.
inline constexpr uint32_t kDatasetImageVersion = 1;

// `data` must be indexed (Dataset::index(), or made by patched() or from an image).
std::string dataset_image(const Dataset& data);

// The Dataset the image holds, equal row for row to the one it was made from; nullopt
// with `why` set when the image is damaged, truncated or of another version or build.
std::optional<Dataset> dataset_from_image(std::string_view image, std::string& why);

// Recomputes the length and checksum in an image's header for its body as it now is: for
// tests that forge damage the checksum would otherwise catch, to reach the checks behind
// it. False when `image` has no header.
bool reseal_dataset_image(std::string& image);

}  // namespace core
