//! Drawing the reader state into a ratatui frame (built by the viewer issue).
