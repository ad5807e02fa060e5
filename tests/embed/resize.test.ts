import { describe, expect, it } from 'vitest';
import type { EmbedEvent } from '../../src/embed/events';
import { canvasResizeMessage, createSizer } from '../../src/embed/resize';

function setup(targets: string[] = ['*']) {
  const posted: { message: unknown; origin: string }[] = [];
  const events: EmbedEvent[] = [];
  const sizer = createSizer({
    post: (message, origin) => posted.push({ message, origin }),
    targets: () => targets,
    emit: (event) => events.push(event),
  });
  return { sizer, posted, events };
}

const H5P_HOST = 'https://moodle.example';

describe('height reports', () => {
  it('sends height-changed and Canvas lti.frameResize for each new height, rounded up', () => {
    const { sizer, posted, events } = setup(['https://canvas.example']);
    sizer.heightChanged(640.2);
    sizer.heightChanged(641); // the same, once rounded up
    sizer.heightChanged(500);
    expect(events.map((e) => e.type === 'height-changed' && e.height)).toEqual([641, 500]);
    expect(posted).toEqual([
      { message: '{"subject":"lti.frameResize","height":641}', origin: 'https://canvas.example' },
      { message: '{"subject":"lti.frameResize","height":500}', origin: 'https://canvas.example' },
    ]);
  });

  it('ignores heights that are not a size', () => {
    const { sizer, events } = setup();
    sizer.heightChanged(0);
    sizer.heightChanged(Number.NaN);
    expect(events).toEqual([]);
  });

  it('writes the Canvas message as a JSON string, as every Canvas reads it', () => {
    expect(JSON.parse(canvasResizeMessage(720))).toEqual({
      subject: 'lti.frameResize',
      height: 720,
    });
  });
});

describe('H5P resizer', () => {
  const h5p = (posted: { message: unknown }[]) =>
    posted
      .map((p) => p.message)
      .filter((m): m is { context: string; action: string } => typeof m === 'object');

  it('says hello, and resizes only once the host answered', () => {
    const { sizer, posted } = setup();
    sizer.start();
    expect(posted).toEqual([{ message: { context: 'h5p', action: 'hello' }, origin: '*' }]);
    sizer.heightChanged(700);
    expect(h5p(posted)).toHaveLength(1); // no host yet: nothing more for H5P

    // h5p-resizer.js answers hello; the frame then asks to resize.
    expect(sizer.onParentMessage({ context: 'h5p', action: 'hello' }, H5P_HOST)).toBe(true);
    expect(posted.at(-1)).toEqual({
      message: { context: 'h5p', action: 'prepareResize', scrollHeight: 700, clientHeight: 700 },
      origin: H5P_HOST,
    });
    // The host shrinks the iframe and says so; the frame sends its height.
    sizer.onParentMessage({ context: 'h5p', action: 'resizePrepared' }, H5P_HOST);
    expect(posted.at(-1)).toEqual({
      message: { context: 'h5p', action: 'resize', scrollHeight: 700 },
      origin: H5P_HOST,
    });
    // A later change goes through prepareResize again.
    sizer.heightChanged(820);
    expect(posted.at(-1)!.message).toEqual({
      context: 'h5p',
      action: 'prepareResize',
      scrollHeight: 820,
      clientHeight: 820,
    });
  });

  it("answers the host's ready with hello, and its resize with a new measurement", () => {
    const { sizer, posted } = setup();
    sizer.onParentMessage({ context: 'h5p', action: 'ready' }, H5P_HOST);
    expect(posted).toEqual([{ message: { context: 'h5p', action: 'hello' }, origin: H5P_HOST }]);
    sizer.onParentMessage({ context: 'h5p', action: 'hello' }, H5P_HOST);
    sizer.heightChanged(400);
    const before = posted.length;
    sizer.onParentMessage({ context: 'h5p', action: 'resize' }, H5P_HOST);
    expect(posted.length).toBe(before + 1);
    expect(posted.at(-1)!.message).toMatchObject({ action: 'prepareResize', scrollHeight: 400 });
  });

  it('leaves messages that are not H5P to others', () => {
    const { sizer, posted } = setup();
    expect(sizer.onParentMessage({ protocol: 'intx-lab/embed', type: 'play' }, H5P_HOST)).toBe(
      false,
    );
    expect(sizer.onParentMessage('{"subject":"lti.frameResize"}', H5P_HOST)).toBe(false);
    expect(posted).toEqual([]);
  });
});
