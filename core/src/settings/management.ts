/** Thresholds of the management-participation diagnostic (see docs/methodology.md). */
export interface ManagementSettings {
  /** Levels above the target group to walk (the article asks for three). */
  readonly levels: number;
  /** Consistent: active on a social surface in at least this share of the window's weeks. */
  readonly consistentShareOfWeeks: number;
  /** A burst: this many consecutive weeks hold at least `burstShare` of the window's activity. */
  readonly burstWindowWeeks: number;
  readonly burstShare: number;
  /** Fewer contributions than this in the window are too few to call a burst. */
  readonly burstMinContributions: number;
  /** Two-way: at least this many replies to members of the target group … */
  readonly twoWayMinRepliesToGroup: number;
  /** … and replies to others make up at least this share of the manager's contributions. */
  readonly twoWayMinReplyShare: number;
  /** Timely: median reply latency at or below this many minutes (one business day). */
  readonly timelyMaxMedianMinutes: number;
  /** Visible: at least this many interactions (either direction) with members of the target group. */
  readonly visibleMinInteractions: number;
  /** A level models the behaviour when at least this share of its managers genuinely model. */
  readonly levelModelsShare: number;
  /** Admin choice to let the API name managers; the diagnostic itself never names anyone. */
  readonly nameManagers: boolean;
}

/** Defaults of the management-participation diagnostic; each one is argued in docs/methodology.md. */
export const defaultManagementSettings: ManagementSettings = {
  levels: 3,
  consistentShareOfWeeks: 0.5,
  burstWindowWeeks: 3,
  burstShare: 0.6,
  burstMinContributions: 5,
  twoWayMinRepliesToGroup: 2,
  twoWayMinReplyShare: 0.25,
  timelyMaxMedianMinutes: 1440,
  visibleMinInteractions: 3,
  levelModelsShare: 0.5,
  nameManagers: false,
};
