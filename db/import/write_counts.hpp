// How many rows an import inserted, updated and left unchanged.
#pragma once

#include <cstddef>

#include "db/store.hpp"

namespace db::inbox {

struct WriteCounts {
    size_t inserted = 0, updated = 0, unchanged = 0;

    void add(Upsert result) {
        switch (result) {
            case Upsert::inserted:
                ++inserted;
                break;
            case Upsert::updated:
                ++updated;
                break;
            case Upsert::unchanged:
                ++unchanged;
                break;
        }
    }
};

}  // namespace db::inbox
