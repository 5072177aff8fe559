// The JSON that crosses the wire to Kling, typed as ../shared/kling-api.md describes it.

export type TaskStatus = 'submitted' | 'processing' | 'succeed' | 'failed';

export interface TrajectoryPoint {
  x: number;
  y: number;
}

export interface DynamicMaskBody {
  mask: string;
  trajectories: TrajectoryPoint[];
}

export type CameraType = 'simple' | 'down_back' | 'forward_up' | 'right_turn_forward' | 'left_turn_forward';
export const CAMERA_TYPES: readonly CameraType[] = ['simple', 'down_back', 'forward_up', 'right_turn_forward', 'left_turn_forward'];
export const CAMERA_AXES = ['horizontal', 'vertical', 'pan', 'tilt', 'roll', 'zoom'] as const;
export type CameraAxis = (typeof CAMERA_AXES)[number];

export interface CameraControlBody {
  type: CameraType;
  config?: Record<CameraAxis, number>;
}

/** Body of `POST /v1/videos/image2video`. `duration` is a string on the wire. */
export interface CreateTaskBody {
  model_name?: string;
  /** Only for gateways that document the old field; the official API treats it as kling-v1. */
  model?: string;
  image?: string;
  image_tail?: string;
  prompt?: string;
  negative_prompt?: string;
  cfg_scale?: number;
  mode?: string;
  duration?: string;
  static_mask?: string;
  dynamic_masks?: DynamicMaskBody[];
  camera_control?: CameraControlBody;
  voice_list?: { voice_id: string }[];
  sound?: 'on' | 'off';
  callback_url?: string;
  external_task_id?: string;
  aspect_ratio?: string;
}

export interface TaskVideo {
  id: string;
  url: string;
  duration: string;
}

export interface TaskData {
  task_id: string;
  task_status: TaskStatus;
  task_status_msg?: string;
  task_info?: { external_task_id?: string };
  final_unit_deduction?: string;
  created_at: number;
  updated_at: number;
  task_result?: { videos: TaskVideo[] };
}

export interface Envelope<T> {
  code: number;
  message: string;
  request_id: string;
  data?: T;
}

export const API_PATH = '/v1/videos/image2video';
export const GATEWAY_PREFIX = '/kling';

/** Where creates (POST) and lookups (GET …/{id}) go: the base URL, a gateway's prefix ('' for the official API), the path. */
export const taskEndpoint = (baseUrl: string, pathPrefix: string): string => `${baseUrl.replace(/\/+$/, '')}${pathPrefix}${API_PATH}`;
