"""HTTP concerns shared by every route: errors, headers, paging, the spec."""
