package org.arrival.contracts.actionplans;

/**
 * Where an action stands in the humanitarian–development–peace nexus: what it is meant to do and over what time, which
 * coherence checks read (a humanitarian action outside every municipal plan, one ending with its need still open and
 * no development action taking over).
 */
public enum ActionOrientation {
    /** Emergency response to acute needs, typically 6 to 18 months, usually outside municipal and national planning. */
    HUMANITARIAN,
    /** Longer-term (typically 3 to 5 years), part of municipal or national planning and delivered through its systems. */
    DEVELOPMENT,
    /** Social cohesion, conflict prevention and the relations between displaced people and their hosts. */
    PEACEBUILDING,
    /** Bridges humanitarian and development work, e.g. an emergency service being handed over to public services. */
    NEXUS
}
