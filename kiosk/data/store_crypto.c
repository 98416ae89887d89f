/* Placeholder until the module lands; see its header. */
