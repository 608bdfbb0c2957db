package se.molnkoll.kernel.query;

/** The services in use that name their vendor only in words, each with the vendor record whose name matches, if one does. */
public record FindVendorLinkProposals() {
}
