#pragma once
// The OpenAPI 3 document: src/app/openapi.json (info, security, shared schemas) merged with
// each module's src/<module>/openapi.json fragment ({"paths": …, "components": {"schemas": …}}),
// all embedded at build time. A module documents its routes in its own folder.
#include <string>
#include <vector>

#include "core/json.hpp"

namespace maillage::app {

struct OpenApiFragment {
    const char* module;
    const char* text;
};

// The frame first (module "app"), then the modules in name order.
const std::vector<OpenApiFragment>& embedded_openapi_fragments();

// Merges fragments into one document. Throws an Error naming the module when a fragment is
// not valid JSON or redefines a path operation or a schema another fragment already defines.
Json merge_openapi(const std::vector<OpenApiFragment>& fragments);

// The merged document, serialised once.
const std::string& openapi_text();

}  // namespace maillage::app
