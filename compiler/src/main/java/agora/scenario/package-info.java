/**
 * The compiled scenario: what the compiler hands to topology building and market designs.
 *
 * <p>Everything here is immutable, resolved (names refer to things that exist) and checked, and
 * every number is in canonical units: power in MW, energy in MWh, prices in currency per MWh,
 * quadratic cost coefficients in currency per MW²h, constant costs in currency per hour, time in
 * hours. Lists keep the order of the source file, so output order is deterministic.
 */
package agora.scenario;
