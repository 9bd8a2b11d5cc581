/**
 * Finding the providers of Agora's plug-in points ({@code SolverBackend}, {@code MarketDesign})
 * with {@link java.util.ServiceLoader} for a given class loader. Agora's own providers are
 * registered exactly as a plug-in's are, in {@code META-INF/services}; a plug-in folder adds a
 * class loader over its jars and nothing else changes. Lives in the SPI module because it is the
 * one module every plug-in point depends on.
 */
package agora.plugin;
