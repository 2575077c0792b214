#ifndef COURSEMAP_CLIBXML2_SHIM_H
#define COURSEMAP_CLIBXML2_SHIM_H
// libxml2's headers pull in the system ICU when LIBXML_ICU_ENABLED is set, which clashes with the ICU that
// Foundation vendors ("'UErrorCode' has different definitions in different modules"). Coursemap never
// uses libxml2's ICU-based encoding support, so switch it off before the other headers are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#endif
