@NullMarked
package org.arrival.registry.stakeholders.web;

import org.jspecify.annotations.NullMarked;
