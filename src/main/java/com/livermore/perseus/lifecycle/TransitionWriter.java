package com.livermore.perseus.lifecycle;

/**
 * Records a transition (owner record and activity entry) before the new state's work begins. If it
 * returns false (the step may not be recorded: the lease is gone) or throws (the write failed), the
 * state machine stays where it was.
 */
@FunctionalInterface
public interface TransitionWriter {
  boolean write(Transition transition);
}
