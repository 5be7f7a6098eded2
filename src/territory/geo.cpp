#include "territory/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace maillage::territory {
namespace {

constexpr double radians(double degrees) {
    return degrees * std::numbers::pi / 180.0;
}
constexpr double km_per_degree = earth_radius_km * std::numbers::pi / 180.0;

}  // namespace

double haversine_km(double lat1, double lon1, double lat2, double lon2) {
    const double dlat = radians(lat2 - lat1);
    const double dlon = radians(lon2 - lon1);
    const double h =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(radians(lat1)) * std::cos(radians(lat2)) * std::sin(dlon / 2) * std::sin(dlon / 2);
    // Rounding can push h a hair above 1 for antipodal points.
    return 2 * earth_radius_km * std::asin(std::sqrt(std::min(1.0, h)));
}

int GeoGrid::row_of(double lat) {
    const int row = static_cast<int>(std::floor((lat + 90.0) / cell_degrees));
    return std::clamp(row, 0, rows - 1);
}

int GeoGrid::column_of(double lon) {
    const int column = static_cast<int>(std::floor((lon + 180.0) / cell_degrees));
    return ((column % columns) + columns) % columns;  // wraps across the antimeridian
}

void GeoGrid::add(std::uint32_t id, double lat, double lon) {
    cells_[cell_key(row_of(lat), column_of(lon))].push_back(id);
}

std::vector<std::uint32_t> GeoGrid::candidates(double lat, double lon, double radius_km) const {
    std::vector<std::uint32_t> found;
    if (!(radius_km >= 0)) return found;  // also refuses NaN
    // The small epsilon keeps points lying exactly on the boundary inside.
    const double dlat = radius_km / km_per_degree + 1e-9;
    const double south = std::max(-90.0, lat - dlat);
    const double north = std::min(90.0, lat + dlat);
    // Meridians converge towards the poles, so the longitude span is computed at the
    // band's latitude furthest from the equator; there it covers the whole circle.
    const double cos_widest = std::cos(radians(std::max(std::abs(south), std::abs(north))));
    const double dlon = cos_widest > 1e-9 ? dlat / cos_widest : 360.0;
    int first_column = 0;
    int column_count = columns;
    if (dlon < 180.0) {
        first_column = column_of(lon - dlon);
        column_count = (column_of(lon + dlon) - first_column + columns) % columns + 1;
    }
    for (int row = row_of(south); row <= row_of(north); ++row) {
        for (int i = 0; i < column_count; ++i) {
            auto cell = cells_.find(cell_key(row, (first_column + i) % columns));
            if (cell != cells_.end())
                found.insert(found.end(), cell->second.begin(), cell->second.end());
        }
    }
    return found;
}

}  // namespace maillage::territory
