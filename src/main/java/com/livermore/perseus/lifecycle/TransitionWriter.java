package com.livermore.perseus.lifecycle;

/**
 * Records a transition (owner record and activity entry) before the new state's work begins. If it
 * throws, the state machine stays where it was.
 */
@FunctionalInterface
public interface TransitionWriter {
  void write(Transition transition);
}
