@NullMarked
package org.arrival.registry.apiclients.application;

import org.jspecify.annotations.NullMarked;
