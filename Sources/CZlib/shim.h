#ifndef COURSEMAP_CZLIB_SHIM_H
#define COURSEMAP_CZLIB_SHIM_H
// zlib, to check that the gzip files Pagefind writes are complete (Sources/Coursemap/SearchIndexCheck.swift).
#include <zlib.h>
#endif
