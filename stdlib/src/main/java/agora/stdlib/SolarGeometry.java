package agora.stdlib;

/**
 * Textbook solar geometry and clear-sky irradiance (as in Duffie &amp; Beckman, "Solar Engineering
 * of Thermal Processes"): Cooper's declination, the equation of time, the hour angle from local
 * solar time, and the Haurwitz clear-sky model for global horizontal irradiance. Clock time is
 * taken as local mean solar time (the site is assumed to sit on its time zone's meridian), so
 * solar noon falls at 12:00 corrected only by the equation of time (at most about 16 minutes).
 */
final class SolarGeometry {
    /** Maximum declination, degrees (Cooper 1969). */
    private static final double OBLIQUITY_DEG = 23.45;
    private static final double DAYS_PER_YEAR = 365.0;
    /** Haurwitz (1945): GHI = 1098 W/m² · cos z · exp(-0.057 / cos z). */
    private static final double HAURWITZ_SCALE = 1098.0;
    private static final double HAURWITZ_EXTINCTION = 0.057;
    private static final double DEGREES_PER_HOUR = 15.0;
    private static final double SOLAR_NOON = 12.0;

    private SolarGeometry() {
    }

    /** Declination of the sun on day {@code dayOfYear} (1 = 1 January), degrees. */
    static double declinationDeg(int dayOfYear) {
        return OBLIQUITY_DEG * Math.sin(2 * Math.PI * (284 + dayOfYear) / DAYS_PER_YEAR);
    }

    /** Apparent solar time minus mean solar time on {@code dayOfYear}, minutes. */
    static double equationOfTimeMinutes(int dayOfYear) {
        double b = 2 * Math.PI * (dayOfYear - 81) / 364.0;
        return 9.87 * Math.sin(2 * b) - 7.53 * Math.cos(b) - 1.5 * Math.sin(b);
    }

    /** Sine of the sun's elevation at {@code latitudeDeg} and local clock time {@code hours}. */
    static double sinElevation(double latitudeDeg, int dayOfYear, double hours) {
        double solarHours = hours + equationOfTimeMinutes(dayOfYear) / 60.0;
        double hourAngle = Math.toRadians(DEGREES_PER_HOUR * (solarHours - SOLAR_NOON));
        double latitude = Math.toRadians(latitudeDeg);
        double declination = Math.toRadians(declinationDeg(dayOfYear));
        return Math.sin(latitude) * Math.sin(declination)
                + Math.cos(latitude) * Math.cos(declination) * Math.cos(hourAngle);
    }

    /** Clear-sky global horizontal irradiance, W/m²; 0 while the sun is below the horizon. */
    static double clearSkyIrradiance(double sinElevation) {
        if (sinElevation <= 0) {
            return 0;
        }
        return HAURWITZ_SCALE * sinElevation * Math.exp(-HAURWITZ_EXTINCTION / sinElevation);
    }

    /** Clear-sky irradiance at clock time {@code hours} of {@code dayOfYear}, W/m². */
    static double clearSkyIrradiance(double latitudeDeg, int dayOfYear, double hours) {
        return clearSkyIrradiance(sinElevation(latitudeDeg, dayOfYear, hours));
    }
}
