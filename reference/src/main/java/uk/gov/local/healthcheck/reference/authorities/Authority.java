package uk.gov.local.healthcheck.reference.authorities;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of the authority register.
 *
 * @param gssCode               ONS code, the key every event uses (e.g. {@code E10000031})
 * @param oldLaCode             the DfE 3-digit code, which the statistical-neighbour lists refer to
 * @param region                always an E12 region (London = {@code E12000007})
 * @param londonSubregionCode   E13 Inner/Outer London code, empty outside London
 * @param validFromYear         first year the authority existed, empty when it predates the register
 * @param validToYear           last year the authority existed (historic ones such as Cumbria), empty if current
 * @param statisticalNeighbours old 3-digit DfE codes, nearest first
 */
public record Authority(
        String gssCode,
        String oldLaCode,
        String name,
        Region region,
        Optional<String> londonSubregionCode,
        CouncilType type,
        OptionalInt validFromYear,
        OptionalInt validToYear,
        List<String> statisticalNeighbours) {

    public Authority {
        statisticalNeighbours = List.copyOf(statisticalNeighbours);
    }
}
