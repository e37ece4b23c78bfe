package uk.gov.local.healthcheck.reference.indicators;

/**
 * One entry of the indicator dictionary, exactly as {@code instruments/indicators.yaml} defines it.
 *
 * @param unit       {@code percent}, {@code number} or {@code count}
 * @param polarity   {@code higher-is-better}, {@code lower-is-better} or {@code neither}
 * @param instrument the instrument whose question ids the formula names
 * @param source     where the definition comes from (the document and table it follows)
 */
public record Indicator(String id, String title, String description, String unit, String polarity, String instrument,
                        Formula formula, String source) {
}
