//! Reader state and the actions that change it (built by the viewer issue).
