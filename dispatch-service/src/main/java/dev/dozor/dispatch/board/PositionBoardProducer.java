package dev.dozor.dispatch.board;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the one in-memory {@link PositionBoard} of this instance injectable. */
public class PositionBoardProducer {
  @Produces
  @Singleton
  PositionBoard positionBoard(BoardConfig config) {
    return new PositionBoard(config.trailLength());
  }
}
