#pragma once
// Distances on the Earth and a grid of cells for finding nearby points quickly.
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace maillage::territory {

// Mean Earth radius (IUGG), the usual sphere for haversine distances.
inline constexpr double earth_radius_km = 6371.0088;

double haversine_km(double lat1, double lon1, double lat2, double lon2);

// Points bucketed in cells of 0.25° × 0.25° (about 28 × 20 km in France), so that a search
// around a point reads a handful of cells instead of every point.
class GeoGrid {
  public:
    void add(std::uint32_t id, double lat, double lon);

    // The ids in every cell that a circle of radius_km around (lat, lon) touches: all the
    // points within radius_km, and some a little further.
    std::vector<std::uint32_t> candidates(double lat, double lon, double radius_km) const;

  private:
    static constexpr double cell_degrees = 0.25;
    static constexpr int rows = 720;      // 180° of latitude
    static constexpr int columns = 1440;  // 360° of longitude

    static int row_of(double lat);
    static int column_of(double lon);
    static std::int64_t cell_key(int row, int column) {
        return static_cast<std::int64_t>(row) * columns + column;
    }

    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> cells_;
};

}  // namespace maillage::territory
